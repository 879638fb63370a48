package news.broadsheet.article.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import news.broadsheet.article.Articles;
import news.broadsheet.article.StoryList;
import news.broadsheet.article.Tag;
import news.broadsheet.article.TagNotFoundException;
import news.broadsheet.author.Author;
import news.broadsheet.author.AuthorNotFoundException;
import news.broadsheet.author.Authors;
import news.broadsheet.media.MediaLibrary;
import news.broadsheet.media.StoredImage;
import news.broadsheet.shared.CacheTags;
import news.broadsheet.shared.FeedLinks;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriUtils;

/** Tag pages ({@code /tag/baltic-security}) and author pages ({@code /author/ana-ferreira}). */
@Controller
class TopicController {

    private final Articles articles;
    private final Authors authors;
    private final StoryCards cards;
    private final PageHeads heads;
    private final SiteSettings site;
    private final MediaLibrary media;

    TopicController(
            Articles articles,
            Authors authors,
            StoryCards cards,
            PageHeads heads,
            SiteSettings site,
            MediaLibrary media) {
        this.media = media;
        this.articles = articles;
        this.authors = authors;
        this.cards = cards;
        this.heads = heads;
        this.site = site;
    }

    @GetMapping("/tag/{slug}")
    String tag(
            @PathVariable String slug,
            @RequestParam(required = false) @Nullable String before,
            HttpServletRequest request,
            Model model) {
        Tag tag = articles.tagBySlug(slug).orElse(null);
        if (tag == null) {
            Tag renamed = articles.tagByRetiredSlug(slug).orElseThrow(() -> new TagNotFoundException(slug));
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.MOVED_PERMANENTLY);
            return "redirect:" + renamed.url();
        }
        CacheTags.tag(CacheTags.tag(tag.id()), CacheTags.tagStories(tag.id()));
        StoryList list = articles.taggedWith(tag, StoryCursors.parse(before), NewsPathController.STORIES_PER_PAGE);
        // A tag that only hidden stories carry (scheduled, embargoed, in review, expired) does not exist for readers.
        if (list.stories().isEmpty()
                && (before == null
                        || articles.taggedWith(tag, null, 1).stories().isEmpty())) {
            throw new TagNotFoundException(slug);
        }
        model.addAttribute(
                "page",
                new StoryListPage(
                        cards.title(tag.name()),
                        "Topic",
                        List.of(),
                        tag.name(),
                        null,
                        cards.description("Stories about " + tag.name(), before),
                        cards.cards(list),
                        StoryCards.olderUrl(tag.url(), list),
                        before == null ? null : tag.url()));
        model.addAttribute(
                "head", heads.listing(tag.url(), before, FeedLinks.tag(site.name(), tag.name(), tag.slug())));
        return "article/listing";
    }

    @GetMapping("/author/{slug}")
    String author(
            @PathVariable String slug,
            @RequestParam(required = false) @Nullable String before,
            HttpServletRequest request,
            Model model) {
        Author author = authors.bySlug(slug).filter(a -> !a.merged()).orElse(null);
        if (author == null) {
            // A renamed byline, or one merged into another, answers at its new address.
            Author moved = authors.successorFor(slug).orElseThrow(() -> new AuthorNotFoundException(slug));
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.MOVED_PERMANENTLY);
            String query = before == null ? "" : "?before=" + UriUtils.encodeQueryParam(before, StandardCharsets.UTF_8);
            return "redirect:" + moved.url() + query;
        }
        CacheTags.tag(CacheTags.author(author.id()), CacheTags.authorStories(author.id()));
        StoryList list = articles.writtenBy(author, StoryCursors.parse(before), NewsPathController.STORIES_PER_PAGE);
        StoredImage photo =
                author.imageId() == null ? null : media.byId(author.imageId()).orElse(null);
        model.addAttribute(
                "page",
                new StoryListPage(
                        cards.title(author.name()),
                        "Author",
                        List.of(),
                        author.name(),
                        null,
                        cards.description(
                                "Stories by " + author.name()
                                        + (author.jobTitle().isEmpty() ? "" : ", " + author.jobTitle() + ","),
                                before),
                        cards.cards(list),
                        StoryCards.olderUrl(author.url(), list),
                        before == null ? null : author.url()));
        model.addAttribute(
                "profile",
                new AuthorProfile(
                        author.jobTitle(),
                        photo == null ? null : LeadImage.of(photo),
                        authors.bioHtml(author),
                        author.email().isEmpty() ? null : author.email(),
                        author.email().isEmpty() ? null : "mailto:" + author.email(),
                        author.links().stream()
                                .map(url -> new AuthorProfile.Link(label(url), url))
                                .toList()));
        model.addAttribute("head", heads.author(author, photo, before));
        return "article/listing";
    }

    /** A link's label: its host without {@code www.}, such as {@code mastodon.social}. */
    private static String label(String url) {
        String host = java.net.URI.create(url).getHost();
        return host == null ? url : host.replaceFirst("^www\\.", "");
    }
}
