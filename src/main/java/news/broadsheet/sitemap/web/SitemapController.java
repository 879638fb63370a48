package news.broadsheet.sitemap.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.broadsheet.article.ArticleLink;
import news.broadsheet.article.Articles;
import news.broadsheet.article.LiveBlock;
import news.broadsheet.article.LivePageCount;
import news.broadsheet.article.Tag;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.page.PageLink;
import news.broadsheet.page.Pages;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.CacheTags;
import news.broadsheet.shared.Digests;
import news.broadsheet.shared.SiteSettings;
import news.broadsheet.sitemap.SitemapSettings;
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
 * The sitemap index and the sitemaps it lists: the site's pages and every live story (each in files
 * of at most {@link SitemapSettings#urlsPerFile} addresses, stories in fixed id ranges) and the Google News
 * sitemap. Answers carry a weak ETag and a Last-Modified that also moves when a story comes out
 * or comes down (which leaves no entry to date it), so crawlers get a 304 until something changes;
 * If-Modified-Since is answered before a body is built.
 */
@RestController
class SitemapController {

    /** Google News lists stories of the last two days, at most 1,000 per sitemap. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);

    static final int NEWS_LIMIT = 1000;

    private static final Pattern PAGES_FILE = Pattern.compile("pages-([1-9][0-9]{0,8})\\.xml");
    private static final Pattern ARTICLES_FILE = Pattern.compile("articles-([1-9][0-9]{0,8})\\.xml");
    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    private static final MediaType XML = new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8);

    private final Articles articles;
    private final Sections sections;
    private final Authors authors;
    private final Pages staticPages;
    private final SiteSettings site;
    private final SitemapSettings settings;
    private final Clock clock;

    SitemapController(
            Articles articles,
            Sections sections,
            Authors authors,
            Pages staticPages,
            SiteSettings site,
            SitemapSettings settings,
            Clock clock) {
        this.articles = articles;
        this.sections = sections;
        this.authors = authors;
        this.staticPages = staticPages;
        this.site = site;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<byte[]> index(WebRequest request) {
        CacheTags.tag(CacheTags.ARCHIVE, CacheTags.DIRECTORY, CacheTags.PAGES);
        // Any story coming out or down anywhere can add or drop a page or an article file.
        Instant storiesChanged = articles.lastVisibilityChange();
        Instant changed = max(storiesChanged, staticPages.lastChange());
        // Counted by one probe per section, tag and author: dating each page would read every live story.
        LivePageCount listing = articles.livePageCount();
        List<PageLink> livePages = staticPages.live();
        Instant pages = max(
                max(changed, listing.lastUpdate()),
                latest(livePages.stream().map(PageLink::lastModified).toList()));
        List<ArticleLink> recent = recent();
        Instant news = newsModified(recent, storiesChanged);
        Instant lastModified = max(pages, news);
        if (notModified(request, lastModified)) {
            return notModified(lastModified);
        }
        SitemapXml xml = new SitemapXml("sitemapindex", false);
        for (int file = 1; file <= pageFiles(pageCount(livePages, listing)); file++) {
            xml.entry("sitemap", site.absolute("/sitemaps/pages-" + file + ".xml"), pages);
        }
        // No lastmod on article files: dating each would read every live story; the protocol makes it
        // optional, and each file answers If-Modified-Since itself.
        for (long file : articles.liveIdBlocks(settings.urlsPerFile())) {
            xml.entry("sitemap", site.absolute("/sitemaps/articles-" + file + ".xml"), null);
        }
        xml.entry("sitemap", site.absolute("/sitemaps/news.xml"), recent.isEmpty() ? null : news);
        return respond(xml.finish(), lastModified);
    }

    @GetMapping("/sitemaps/{file}")
    ResponseEntity<byte[]> sitemap(@PathVariable String file, WebRequest request) {
        // Each file lists stories, sections, tags, bylines or pages with their times: any of them may change it.
        CacheTags.tag(CacheTags.ARCHIVE, CacheTags.DIRECTORY, CacheTags.PAGES);
        if (file.equals("pages.xml")) {
            // The single pages file of old is now the first of several.
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .header(HttpHeaders.LOCATION, "/sitemaps/pages-1.xml")
                    .build();
        }
        if (file.equals("news.xml")) {
            return news();
        }
        Matcher pagesFile = PAGES_FILE.matcher(file);
        if (pagesFile.matches()) {
            return pages(Integer.parseInt(pagesFile.group(1)));
        }
        Matcher articlesFile = ARTICLES_FILE.matcher(file);
        if (articlesFile.matches()) {
            return articles(Integer.parseInt(articlesFile.group(1)), request);
        }
        return notFound();
    }

    /** Page file {@code n} holds the {@code n}-th run of pages in {@link #pageActivity} order; the first always exists. */
    private ResponseEntity<byte[]> pages(int n) {
        Map<String, @Nullable Instant> activity = pageActivity();
        if (n > pageFiles(activity.size())) {
            return notFound();
        }
        SitemapXml xml = new SitemapXml("urlset", false);
        Instant dated = Instant.EPOCH;
        for (Instant lastmod : activity.values()) {
            dated = lastmod != null ? max(dated, lastmod) : dated;
        }
        activity.entrySet().stream()
                .skip((long) (n - 1) * settings.urlsPerFile())
                .limit(settings.urlsPerFile())
                .forEach(page -> xml.entry("url", site.absolute(page.getKey()), page.getValue()));
        return respond(xml.finish(), max(dated, max(articles.lastVisibilityChange(), staticPages.lastChange())));
    }

    /** How many addresses {@link #pageActivity} holds, found without dating them. */
    private int pageCount(List<PageLink> livePages, LivePageCount listing) {
        java.util.Set<String> pages = new java.util.HashSet<>();
        livePages.forEach(page -> pages.add(page.url()));
        if (listing.sectionIds().isEmpty()) {
            return pages.size();
        }
        pages.add("/");
        List<Section> all = sections.all();
        for (Section filed : all) {
            if (!listing.sectionIds().contains(filed.id())) {
                continue;
            }
            for (Section section : all) {
                if (section.id() == filed.id() || filed.path().startsWith(section.path() + "/")) {
                    pages.add(section.url());
                }
            }
        }
        return pages.size() + listing.tags() + listing.authors();
    }

    private int pageFiles(int pages) {
        return Math.max(1, (pages + settings.urlsPerFile() - 1) / settings.urlsPerFile());
    }

    /**
     * File {@code n} holds the live stories with ids {@code (n-1)*size+1} to {@code n*size}: a key
     * range, so it is dated and listed by reading that range alone, and it changes only when one of
     * its own stories does.
     */
    private ResponseEntity<byte[]> articles(long n, WebRequest request) {
        LiveBlock block = articles.liveIdBlock(n, settings.urlsPerFile()).orElse(null);
        if (block == null) {
            return notFound();
        }
        if (notModified(request, block.lastChanged())) {
            return notModified(block.lastChanged());
        }
        SitemapXml xml = new SitemapXml("urlset", false);
        for (ArticleLink story : articles.liveLinks(block)) {
            xml.entry("url", site.absolute(story.url()), story.lastModified());
        }
        return respond(xml.finish(), block.lastChanged());
    }

    private ResponseEntity<byte[]> news() {
        SitemapXml xml = new SitemapXml("urlset", true);
        List<ArticleLink> recent = recent();
        for (ArticleLink story : recent) {
            xml.newsEntry(
                    site.absolute(story.url()), site.name(), site.language(), story.publishedAt(), story.headline());
        }
        return respond(xml.finish(), newsModified(recent, articles.lastVisibilityChange()));
    }

    /**
     * The news sitemap changes when a story in it changes, when a story comes out or down, and when
     * a story grows too old for it (two days after its publication).
     */
    private Instant newsModified(List<ArticleLink> recent, Instant storiesChanged) {
        Instant since = clock.instant().minus(NEWS_WINDOW);
        Instant aged = articles.livePublishedBefore(since)
                .map(published -> published.plus(NEWS_WINDOW))
                .orElse(Instant.EPOCH);
        return max(max(latest(recent.stream().map(ArticleLink::lastModified).toList()), aged), storiesChanged);
    }

    private List<ArticleLink> recent() {
        return articles.livePublishedSince(clock.instant().minus(NEWS_WINDOW), NEWS_LIMIT);
    }

    /**
     * The home page, and every section front, tag page and author page that lists live stories,
     * each with its latest change, and every live static page. A section front lists the stories of
     * the sections below it too.
     */
    private Map<String, @Nullable Instant> pageActivity() {
        Map<String, @Nullable Instant> pages = new TreeMap<>(
                Comparator.comparing((String path) -> !path.equals("/")).thenComparing(Comparator.naturalOrder()));
        for (PageLink page : staticPages.live()) {
            pages.put(page.url(), page.lastModified());
        }
        Map<Long, Instant> bySection = articles.liveSectionsNewest();
        if (bySection.isEmpty()) {
            return pages;
        }
        pages.put("/", latest(bySection.values()));
        List<Section> all = sections.all();
        Map<Long, Section> byId = new HashMap<>();
        all.forEach(section -> byId.put(section.id(), section));
        for (Map.Entry<Long, Instant> newest : bySection.entrySet()) {
            Section filed = byId.get(newest.getKey());
            if (filed == null) {
                continue;
            }
            // The stories show on their own section's front and on the fronts of all its ancestors.
            for (Section section : all) {
                if (section.id() == filed.id() || filed.path().startsWith(section.path() + "/")) {
                    pages.merge(section.url(), newest.getValue(), SitemapController::max);
                }
            }
        }
        // Tag and author pages go without lastmod (optional in the protocol, as for article files):
        // dating them would read every story of every tag and byline, the whole archive.
        for (Tag tag : articles.liveTags()) {
            pages.put(tag.url(), null);
        }
        for (Author author : authors.byIds(articles.liveAuthorIds()).values()) {
            pages.put(author.url(), null);
        }
        return pages;
    }

    /**
     * Whether an If-Modified-Since (without If-None-Match, which takes precedence and needs the body)
     * already answers the request, checked before any body is built.
     */
    private static boolean notModified(WebRequest request, Instant lastModified) {
        return request.getHeader(HttpHeaders.IF_NONE_MATCH) == null
                && request.checkNotModified(
                        lastModified.truncatedTo(ChronoUnit.SECONDS).toEpochMilli());
    }

    private static ResponseEntity<byte[]> notModified(Instant lastModified) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                .lastModified(lastModified.truncatedTo(ChronoUnit.SECONDS))
                .cacheControl(CACHE)
                .build();
    }

    private static ResponseEntity<byte[]> respond(byte[] body, Instant lastModified) {
        // Spring answers 304 itself when If-None-Match or If-Modified-Since matches these headers.
        return ResponseEntity.ok()
                .contentType(XML)
                .eTag(etag(body))
                .lastModified(lastModified.truncatedTo(ChronoUnit.SECONDS))
                .cacheControl(CACHE)
                .body(body);
    }

    static String etag(byte[] body) {
        return Digests.weakEtag(body);
    }

    private static ResponseEntity<byte[]> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body("There is no such sitemap.\n".getBytes(StandardCharsets.UTF_8));
    }

    private static Instant latest(Collection<Instant> times) {
        return times.stream().max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
