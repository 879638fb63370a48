package news.broadsheet.feed.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.article.Tag;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.feed.internal.FeedAssembler;
import news.broadsheet.feed.internal.FeedDocument;
import news.broadsheet.feed.internal.FeedWriter;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.CacheTags;
import news.broadsheet.shared.Digests;
import news.broadsheet.shared.FeedLinks.Format;
import news.broadsheet.shared.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves every feed at the addresses {@link news.broadsheet.shared.FeedLinks} defines. Each answer
 * carries a weak ETag (a hash of its bytes) and Last-Modified (its newest entry, or the last time a
 * story came out or came down in its scope if that is later), so readers that poll get a 304 until
 * something changes; unknown feeds are a plain 404.
 */
@RestController
class FeedController {

    /** A file name such as {@code baltic-security.atom}: a name, a dot and one of the three extensions. */
    private static final Pattern FILE = Pattern.compile("([a-z0-9-]{1,200})\\.(rss|atom|json)");

    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final FeedAssembler assembler;
    private final FeedWriter writer;
    private final Articles articles;
    private final Sections sections;
    private final Authors authors;

    FeedController(FeedAssembler assembler, FeedWriter writer, Articles articles, Sections sections, Authors authors) {
        this.assembler = assembler;
        this.writer = writer;
        this.articles = articles;
        this.sections = sections;
        this.authors = authors;
    }

    @GetMapping("/feeds/{file}")
    ResponseEntity<byte[]> site(@PathVariable String file, WebRequest request) {
        FeedFile feed = FeedFile.parse(file).orElse(null);
        if (feed == null || !feed.name().equals("all")) {
            return notFound();
        }
        CacheTags.tag(CacheTags.ALL_STORIES);
        return respond(assembler.site(), feed.format(), request);
    }

    /** A section and the sections below it; the path may be nested: {@code /feeds/section/world/defense.rss}. */
    @GetMapping("/feeds/section/{*path}")
    ResponseEntity<byte[]> section(@PathVariable String path, WebRequest request) {
        int dot = path.lastIndexOf('.');
        if (path.length() > 420 || dot < 0) {
            return notFound();
        }
        Format format = format(path.substring(dot + 1));
        String sectionPath = path.substring(1, dot);
        if (format == null || !Arrays.stream(sectionPath.split("/", -1)).allMatch(Slugs::isValid)) {
            return notFound();
        }
        Section section = sections.byPath(sectionPath).orElse(null);
        if (section == null) {
            return sections.byRetiredPath(sectionPath)
                    .map(moved -> moved("/feeds/section/" + moved.path() + "." + format.extension()))
                    .orElseGet(FeedController::notFound);
        }
        sections.subtreeIds(section).forEach(id -> CacheTags.tag(CacheTags.sectionStories(id)));
        CacheTags.tag(CacheTags.section(section.id()));
        return respond(assembler.section(section), format, request);
    }

    @GetMapping("/feeds/tag/{file}")
    ResponseEntity<byte[]> tag(@PathVariable String file, WebRequest request) {
        FeedFile feed = FeedFile.parse(file).orElse(null);
        if (feed == null) {
            return notFound();
        }
        Tag tag = articles.tagBySlug(feed.name()).orElse(null);
        if (tag == null) {
            return articles.tagByRetiredSlug(feed.name())
                    .map(renamed -> moved(
                            "/feeds/tag/" + renamed.slug() + "." + feed.format().extension()))
                    .orElseGet(FeedController::notFound);
        }
        CacheTags.tag(CacheTags.tag(tag.id()), CacheTags.tagStories(tag.id()));
        FeedAssembler.PreparedFeed prepared = assembler.tag(tag);
        // A tag only hidden stories carry (scheduled, embargoed, in review, expired) must not show it exists.
        if (prepared.empty()) {
            return notFound();
        }
        return respond(prepared, feed.format(), request);
    }

    /** Authors keep a feed (empty if need be) while they have no live story: their page is public anyway. */
    @GetMapping("/feeds/author/{file}")
    ResponseEntity<byte[]> author(@PathVariable String file, WebRequest request) {
        FeedFile feed = FeedFile.parse(file).orElse(null);
        if (feed == null) {
            return notFound();
        }
        Author author = authors.bySlug(feed.name()).filter(a -> !a.merged()).orElse(null);
        if (author == null) {
            // Renamed and merged bylines follow their page: a permanent redirect to the survivor's feed.
            return authors.successorFor(feed.name())
                    .map(moved -> moved("/feeds/author/" + moved.slug() + "."
                            + feed.format().extension()))
                    .orElseGet(FeedController::notFound);
        }
        CacheTags.tag(CacheTags.author(author.id()), CacheTags.authorStories(author.id()));
        return respond(assembler.author(author), feed.format(), request);
    }

    /** The approved comments of one live story; drafts, scheduled and withdrawn stories have none to show. */
    @GetMapping("/feeds/comments/{file}")
    ResponseEntity<byte[]> comments(@PathVariable String file) {
        FeedFile feed = FeedFile.parse(file).orElse(null);
        if (feed == null || !feed.name().matches("[1-9][0-9]{0,17}")) {
            return notFound();
        }
        ArticleSummary article = articles.liveById(Long.parseLong(feed.name())).orElse(null);
        if (article == null) {
            return notFound();
        }
        CacheTags.tag(CacheTags.article(article.id()), CacheTags.comments(article.id()));
        return respond(assembler.comments(article), feed.format());
    }

    /**
     * Answers If-Modified-Since (when no If-None-Match is sent, which takes precedence) from the
     * feed's "updated" time before its body is built; otherwise builds and sends it.
     */
    private ResponseEntity<byte[]> respond(FeedAssembler.PreparedFeed feed, Format format, WebRequest request) {
        Instant lastModified = feed.updated().truncatedTo(ChronoUnit.SECONDS);
        if (request.getHeader(HttpHeaders.IF_NONE_MATCH) == null
                && request.checkNotModified(lastModified.toEpochMilli())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .lastModified(lastModified)
                    .cacheControl(CACHE)
                    .build();
        }
        return respond(feed.document().get(), format);
    }

    private ResponseEntity<byte[]> respond(FeedDocument feed, Format format) {
        byte[] body = writer.write(feed, format);
        // Spring answers 304 itself when If-None-Match or If-Modified-Since matches these headers.
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(format.mediaType()), StandardCharsets.UTF_8))
                .eTag(etag(body))
                .lastModified(feed.updated().truncatedTo(ChronoUnit.SECONDS))
                .cacheControl(CACHE)
                .body(body);
    }

    private static String etag(byte[] body) {
        return Digests.weakEtag(body);
    }

    private static ResponseEntity<byte[]> moved(String path) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .header(HttpHeaders.LOCATION, path)
                .build();
    }

    private static ResponseEntity<byte[]> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body("There is no such feed.\n".getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable Format format(String extension) {
        for (Format format : Format.values()) {
            if (format.extension().equals(extension)) {
                return format;
            }
        }
        return null;
    }

    /** A requested feed file: the name before the dot and the format its extension asks for. */
    private record FeedFile(String name, Format format) {

        static Optional<FeedFile> parse(String file) {
            Matcher match = FILE.matcher(file);
            if (!match.matches()) {
                return Optional.empty();
            }
            Format format = FeedController.format(match.group(2));
            return format == null ? Optional.empty() : Optional.of(new FeedFile(match.group(1), format));
        }
    }
}
