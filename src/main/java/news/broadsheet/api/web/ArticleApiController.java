package news.broadsheet.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import news.broadsheet.api.internal.ApiProblem;
import news.broadsheet.api.internal.Cursors;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.article.StoryFilter;
import news.broadsheet.article.StoryList;
import news.broadsheet.article.Tag;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.comment.CommentThread;
import news.broadsheet.comment.Comments;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.CacheTags;
import news.broadsheet.shared.Keyset;
import news.broadsheet.shared.SiteSettings;
import news.broadsheet.shared.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Live stories and their approved comments, for anyone. Nothing that is not live is ever answered. */
@RestController
class ArticleApiController implements ApiEndpoint {

    private final Articles articles;
    private final Sections sections;
    private final Authors authors;
    private final Comments comments;
    private final ApiViews views;
    private final SiteSettings site;

    ArticleApiController(
            Articles articles,
            Sections sections,
            Authors authors,
            Comments comments,
            ApiViews views,
            SiteSettings site) {
        this.articles = articles;
        this.sections = sections;
        this.authors = authors;
        this.comments = comments;
        this.views = views;
        this.site = site;
    }

    @GetMapping(path = "/api/v1/articles", produces = MediaType.APPLICATION_JSON_VALUE)
    Page<ArticleItem> list(
            @RequestParam(required = false) @Nullable String section,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String author,
            @RequestParam(required = false) @Nullable String since,
            @RequestParam(required = false) @Nullable String until,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String limit,
            HttpServletRequest request) {
        // Names are looked up in the database, which refuses a NUL byte outright (PostgreSQL): no
        // section, tag or author is named with an invisible character, so none is asked for.
        for (String name : new String[] {section, tag, author}) {
            if (name != null && Text.hasControlCharacters(name)) {
                throw ApiProblem.badRequest("A section, tag or author name holds a control character; there is none.");
            }
        }
        Section inSection = section == null || section.isBlank()
                ? null
                : sections.byPath(section.strip().replaceAll("^/+|/+$", ""))
                        .orElseThrow(() -> ApiProblem.badRequest("There is no section with path " + section + "."));
        Tag withTag = tag == null || tag.isBlank()
                ? null
                : articles.tagBySlug(tag.strip())
                        .orElseThrow(() -> ApiProblem.badRequest("There is no tag with slug " + tag + "."));
        Author byAuthor = author == null || author.isBlank()
                ? null
                : authors.bySlug(author.strip())
                        .orElseThrow(() -> ApiProblem.badRequest("There is no author with slug " + author + "."));
        Instant from = ApiParams.time("since", since, site.timeZone(), false);
        Instant to = ApiParams.time("until", until, site.timeZone(), true);
        Keyset after = cursor == null ? null : Cursors.keyset(cursor);
        CacheTags.tag(CacheTags.ALL_STORIES);
        StoryList page =
                articles.live(new StoryFilter(inSection, withTag, byAuthor, from, to), after, ApiParams.limit(limit));
        String next = page.olderCursor() == null ? null : Cursors.encode(page.olderCursor());
        return new Page<>(views.items(page.stories()), next, new Page.PageLinks(ApiParams.next(request, site, next)));
    }

    @GetMapping(path = "/api/v1/articles/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ArticleDetail byId(@PathVariable String id) {
        return articles.liveViewById(ApiParams.id(id, "live story"))
                .map(views::detail)
                .orElseThrow(() -> notFound(id));
    }

    @GetMapping(path = "/api/v1/articles/by-slug/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
    ArticleDetail bySlug(@PathVariable String slug) {
        return articles.liveBySlug(slug)
                .map(views::detail)
                .orElseThrow(() -> ApiProblem.notFound("There is no live story with slug " + slug + "."));
    }

    /** Approved comments in thread order, a page of top-level comments (with all their replies) at a time. */
    @GetMapping(path = "/api/v1/articles/{id}/comments", produces = MediaType.APPLICATION_JSON_VALUE)
    Page<CommentItem> comments(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String cursor,
            HttpServletRequest request) {
        ArticleSummary story = live(id);
        String position = null;
        if (cursor != null) {
            position = Cursors.decode(cursor)
                    .filter(token -> Keyset.parse(token).isPresent())
                    .orElseThrow(() ->
                            ApiProblem.badRequest("The cursor is not valid; use nextCursor from a previous page."));
        }
        CacheTags.tag(CacheTags.article(story.id()), CacheTags.comments(story.id()));
        CommentThread thread = comments.thread(story.id(), position);
        String next = thread.moreToken() == null ? null : Cursors.encode(thread.moreToken());
        return new Page<>(
                views.comments(thread.comments()), next, new Page.PageLinks(ApiParams.next(request, site, next)));
    }

    private ArticleSummary live(String id) {
        return articles.liveById(ApiParams.id(id, "live story")).orElseThrow(() -> notFound(id));
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("There is no live story with id " + id + ".");
    }
}
