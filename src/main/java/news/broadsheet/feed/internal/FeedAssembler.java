package news.broadsheet.feed.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.article.StoryList;
import news.broadsheet.article.Tag;
import news.broadsheet.author.Author;
import news.broadsheet.comment.ApprovedComment;
import news.broadsheet.comment.Comments;
import news.broadsheet.feed.FeedSettings;
import news.broadsheet.feed.internal.FeedDocument.Category;
import news.broadsheet.feed.internal.FeedDocument.Entry;
import news.broadsheet.feed.internal.FeedDocument.Image;
import news.broadsheet.feed.internal.FeedDocument.Person;
import news.broadsheet.media.ImageVariant;
import news.broadsheet.media.MediaLibrary;
import news.broadsheet.media.StoredImage;
import news.broadsheet.section.Section;
import news.broadsheet.shared.CacheTags;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Gathers what each feed lists: the newest live stories of its scope (through the article
 * module's live queries) or the approved comments of one live story.
 */
@Component
public class FeedAssembler {

    /** The fixed "updated" time of a feed with no entries, so an empty feed stays cacheable. */
    private static final Instant NOTHING_YET = Instant.EPOCH;

    private final Articles articles;
    private final Comments comments;
    private final MediaLibrary media;
    private final SiteSettings site;
    private final FeedSettings settings;

    FeedAssembler(Articles articles, Comments comments, MediaLibrary media, SiteSettings site, FeedSettings settings) {
        this.articles = articles;
        this.comments = comments;
        this.media = media;
        this.site = site;
        this.settings = settings;
    }

    public PreparedFeed site() {
        return stories(
                site.name(),
                "The latest stories from " + site.name() + ".",
                "/",
                "/feeds/all",
                articles.latest(null, null, settings.items()),
                articles.lastVisibilityChange());
    }

    public PreparedFeed section(Section section) {
        return stories(
                site.name() + ": " + section.name(),
                section.description().isBlank()
                        ? "The latest stories in " + section.name() + "."
                        : section.description(),
                section.url(),
                "/feeds/section/" + section.path(),
                articles.latest(section, null, settings.items()),
                articles.lastVisibilityChange(section));
    }

    public PreparedFeed tag(Tag tag) {
        return stories(
                site.name() + ": " + tag.name(),
                "The latest stories about " + tag.name() + ".",
                tag.url(),
                "/feeds/tag/" + tag.slug(),
                articles.taggedWith(tag, null, settings.items()),
                articles.lastVisibilityChange(tag));
    }

    public PreparedFeed author(Author author) {
        return stories(
                site.name() + ": " + author.name(),
                "The latest stories by " + author.name() + ".",
                author.url(),
                "/feeds/author/" + author.slug(),
                articles.writtenBy(author, null, settings.items()),
                articles.lastVisibilityChange(author));
    }

    /**
     * A feed's "updated" time, known before its entries are built, and the entries on demand.
     *
     * @param empty whether the feed has no entries
     */
    public record PreparedFeed(Instant updated, boolean empty, java.util.function.Supplier<FeedDocument> document) {}

    /** The approved comments on a live story, newest first. */
    public FeedDocument comments(ArticleSummary article) {
        String articleUrl = site.absolute(article.url());
        List<Entry> entries = new ArrayList<>();
        for (ApprovedComment comment : comments.newestApproved(article.id(), settings.items())) {
            entries.add(new Entry(
                    tagUri("comment-" + comment.id()),
                    articleUrl + "#" + comment.anchor(),
                    "Comment by " + comment.authorName(),
                    comment.text(),
                    comment.html(),
                    comment.postedAt(),
                    comment.postedAt(),
                    List.of(new Person(comment.authorName(), null)),
                    List.of(),
                    null));
        }
        Instant updated = entries.isEmpty()
                ? lastModified(article)
                : entries.stream()
                        .map(Entry::updated)
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
        // A comment taken down leaves no entry behind: its moderation moves the feed on.
        Instant moderated = comments.lastModeration(article.id()).orElse(updated);
        if (moderated.isAfter(updated)) {
            updated = moderated;
        }
        return new FeedDocument(
                "Comments on " + article.headline(),
                "Readers' comments on \u201c" + article.headline() + "\u201d.",
                articleUrl,
                site.absolute("/feeds/comments/" + article.id()),
                updated,
                entries);
    }

    /**
     * @param changed when a story last came out or came down in this scope: a story leaving the
     *     feed leaves no entry behind, so the feed's "updated" time takes this into account too
     */
    private PreparedFeed stories(
            String title, String description, String home, String self, StoryList list, Instant changed) {
        // Known from the list alone, so a conditional request is answered before images, bodies and tags are read.
        Instant updated = list.stories().stream()
                .map(FeedAssembler::lastModified)
                .max(Comparator.naturalOrder())
                .orElse(NOTHING_YET);
        if (changed.isAfter(updated)) {
            updated = changed;
        }
        Instant feedUpdated = updated;
        return new PreparedFeed(
                feedUpdated,
                list.stories().isEmpty(),
                () -> document(title, description, home, self, list, feedUpdated));
    }

    private FeedDocument document(
            String title, String description, String home, String self, StoryList list, Instant updated) {
        List<ArticleSummary> stories = list.stories();
        List<Long> ids = stories.stream().map(ArticleSummary::id).toList();
        Map<Long, StoredImage> images = media.byIds(stories.stream()
                .map(ArticleSummary::leadImageId)
                .filter(java.util.Objects::nonNull)
                .toList());
        Map<Long, String> bodies = settings.fullText() ? articles.liveBodies(ids) : Map.of();
        Map<Long, List<Tag>> tags = articles.tagsOf(ids);
        List<Entry> entries = new ArrayList<>(stories.size());
        for (ArticleSummary story : stories) {
            CacheTags.tag(
                    CacheTags.article(story.id()),
                    CacheTags.section(story.section().id()));
            story.authors().forEach(author -> CacheTags.tag(CacheTags.author(author.id())));
            tags.getOrDefault(story.id(), List.of()).forEach(tag -> CacheTags.tag(CacheTags.tag(tag.id())));
            String url = site.absolute(story.url());
            String body = bodies.get(story.id());
            List<Category> categories = new ArrayList<>();
            categories.add(new Category(
                    story.section().name(),
                    story.section().name(),
                    site.absolute(story.section().url())));
            for (Tag tag : tags.getOrDefault(story.id(), List.of())) {
                categories.add(new Category(tag.name(), tag.name(), site.absolute(tag.url())));
            }
            entries.add(new Entry(
                    tagUri("article-" + story.id()),
                    url,
                    story.headline(),
                    story.standfirst(),
                    body == null ? null : news.broadsheet.shared.AbsoluteLinks.in(body, url),
                    story.publishedAt(),
                    lastModified(story),
                    story.authors().stream()
                            .map(a -> new Person(a.name(), site.absolute(a.url())))
                            .toList(),
                    categories,
                    image(story, images)));
        }
        return new FeedDocument(title, description, site.absolute(home), site.absolute(self), updated, entries);
    }

    private @Nullable Image image(ArticleSummary story, Map<Long, StoredImage> images) {
        Long id = story.leadImageId();
        StoredImage image = id == null ? null : images.get(id);
        if (image == null) {
            return null;
        }
        ImageVariant largest = image.variants().getLast();
        String url = largest.url();
        String type = url.toLowerCase(Locale.ROOT).endsWith(".png") ? "image/png" : "image/jpeg";
        return new Image(site.absolute(url), type, image.altText());
    }

    /** A story changes for readers when it is updated, or when it goes out after being scheduled. */
    private static Instant lastModified(ArticleSummary story) {
        return story.updatedAt().isAfter(story.publishedAt()) ? story.updatedAt() : story.publishedAt();
    }

    /** A tag URI (RFC 4151): unlike the story's address, it survives a change of slug or section. */
    private String tagUri(String specific) {
        String host = URI.create(site.baseUrl()).getHost();
        return "tag:" + (host == null ? "localhost" : host) + ",2026:" + specific;
    }
}
