package news.broadsheet.api.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.ArticleView;
import news.broadsheet.article.EditableArticle;
import news.broadsheet.article.Tag;
import news.broadsheet.author.Author;
import news.broadsheet.comment.CommentView;
import news.broadsheet.media.MediaLibrary;
import news.broadsheet.media.StoredImage;
import news.broadsheet.section.Section;
import news.broadsheet.shared.CacheTags;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Turns the facades' read models into the API's own records, with absolute addresses. */
@Component
class ApiViews {

    private final SiteSettings site;
    private final MediaLibrary media;

    ApiViews(SiteSettings site, MediaLibrary media) {
        this.site = site;
        this.media = media;
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    String absolute(String path) {
        return site.absolute(path);
    }

    /** Stories of a list, their lead images looked up together. */
    List<ArticleItem> items(List<ArticleSummary> stories) {
        stories.forEach(ApiViews::tagShown);
        Map<Long, StoredImage> images = media.byIds(stories.stream()
                .map(ArticleSummary::leadImageId)
                .filter(Objects::nonNull)
                .toList());
        return stories.stream()
                .map(story -> item(story, story.leadImageId() == null ? null : image(images.get(story.leadImageId()))))
                .toList();
    }

    private ArticleItem item(ArticleSummary story, @Nullable ImageItem image) {
        return new ArticleItem(
                story.id(),
                story.slug(),
                story.headline(),
                story.standfirst(),
                site.absolute(story.url()),
                section(story.section()),
                story.authors().stream().map(this::author).toList(),
                time(story.publishedAt()),
                time(updated(story)),
                story.commentsOpen(),
                image,
                links(story));
    }

    ArticleDetail detail(ArticleView view) {
        ArticleSummary story = view.summary();
        tagShown(story);
        view.tags().forEach(tag -> CacheTags.tag(CacheTags.tag(tag.id())));
        return new ArticleDetail(
                story.id(),
                story.slug(),
                story.headline(),
                story.standfirst(),
                site.absolute(story.url()),
                section(story.section()),
                view.trail().stream().map(this::section).toList(),
                story.authors().stream().map(this::author).toList(),
                view.tags().stream().map(this::tag).toList(),
                time(story.publishedAt()),
                time(updated(story)),
                story.commentsOpen(),
                story.leadImageId() == null
                        ? null
                        : media.byId(story.leadImageId()).map(this::image).orElse(null),
                view.bodyHtml(),
                view.corrections().stream()
                        .map(c -> new CorrectionItem(c.kind(), c.text(), time(c.publishedAt())))
                        .toList(),
                links(story));
    }

    DraftItem draft(EditableArticle article) {
        var content = article.content();
        String self = site.absolute("/api/v1/articles/" + article.id() + "/draft");
        return new DraftItem(
                article.id(),
                article.version(),
                article.status().dbValue(),
                content.slug(),
                content.headline(),
                content.standfirst(),
                content.bodyMarkdown(),
                content.sectionId(),
                content.tagNames(),
                content.authorIds(),
                content.seoTitle(),
                content.seoDescription(),
                content.commentsOpen(),
                article.publishedAt() == null ? null : time(article.publishedAt()),
                time(article.updatedAt()),
                new DraftItem.DraftLinks(
                        self,
                        site.absolute("/api/v1/articles/" + article.id() + "/publish"),
                        site.absolute("/api/v1/articles/" + article.id())));
    }

    SectionRef section(Section section) {
        return new SectionRef(
                section.id(), section.slug(), section.name(), section.path(), site.absolute(section.url()));
    }

    SectionItem sectionItem(Section section) {
        return new SectionItem(
                section.id(),
                section.parentId(),
                section.slug(),
                section.name(),
                section.description(),
                section.path(),
                site.absolute(section.url()));
    }

    AuthorItem author(Author author) {
        return new AuthorItem(
                author.id(), author.slug(), author.name(), author.jobTitle(), site.absolute(author.url()));
    }

    AuthorDetail authorDetail(Author author, String bioHtml) {
        return new AuthorDetail(
                author.id(),
                author.slug(),
                author.name(),
                author.jobTitle(),
                author.bio(),
                bioHtml,
                author.email(),
                author.website(),
                author.profiles(),
                author.links(),
                author.imageId() == null
                        ? null
                        : media.byId(author.imageId()).map(this::image).orElse(null),
                author.retired(),
                site.absolute(author.url()));
    }

    TagItem tag(Tag tag) {
        return new TagItem(tag.id(), tag.slug(), tag.name(), site.absolute(tag.url()));
    }

    /** A thread's comments in thread order, each reply naming its parent. */
    List<CommentItem> comments(List<CommentView> thread) {
        List<CommentItem> items = new java.util.ArrayList<>();
        for (CommentView comment : thread) {
            flatten(comment, null, items);
        }
        return items;
    }

    private void flatten(CommentView comment, @Nullable Long parentId, List<CommentItem> items) {
        Long parent = comment.inReplyToId() != null ? comment.inReplyToId() : parentId;
        items.add(new CommentItem(
                comment.id(),
                parent,
                comment.authorName(),
                comment.bodyHtml(),
                comment.postedAt().datetime(),
                comment.staff(),
                comment.featured()));
        for (CommentView reply : comment.replies()) {
            flatten(reply, comment.id(), items);
        }
    }

    private ArticleLinks links(ArticleSummary story) {
        return new ArticleLinks(
                site.absolute("/api/v1/articles/" + story.id()),
                site.absolute("/api/v1/articles/" + story.id() + "/comments"),
                site.absolute(story.url()));
    }

    /**
     * Status changes leave {@code updated_at} alone, so a story that went live after its last edit
     * counts as updated when it was published.
     */
    private static Instant updated(ArticleSummary story) {
        return story.updatedAt().isAfter(story.publishedAt()) ? story.updatedAt() : story.publishedAt();
    }

    private @Nullable ImageItem image(@Nullable StoredImage image) {
        if (image == null) {
            return null;
        }
        return new ImageItem(
                site.absolute(image.url()),
                image.variants().stream()
                        .map(variant -> site.absolute(variant.url()) + " " + variant.width() + "w")
                        .collect(Collectors.joining(", ")),
                image.width(),
                image.height(),
                image.altText(),
                image.caption(),
                image.credit());
    }

    /** Tags the response with what an item shows of a story: itself, its section, its bylines. */
    private static void tagShown(ArticleSummary story) {
        CacheTags.tag(
                CacheTags.article(story.id()), CacheTags.section(story.section().id()));
        story.authors().forEach(author -> CacheTags.tag(CacheTags.author(author.id())));
    }
}
