package news.broadsheet.article.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.broadsheet.article.ArticleView;
import news.broadsheet.article.Correction;
import news.broadsheet.author.Author;
import news.broadsheet.media.ImageCrop;
import news.broadsheet.media.ImageVariant;
import news.broadsheet.media.StoredImage;
import news.broadsheet.section.Section;
import news.broadsheet.shared.FeedLinks;
import news.broadsheet.shared.PageHead;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds what the public pages of this module put in their {@code <head>}: canonical addresses,
 * link-preview fields, feed autodiscovery and, on article pages, schema.org {@code NewsArticle}
 * and {@code BreadcrumbList} data.
 */
@Component
class PageHeads {

    private final SiteSettings site;
    private final JsonMapper json;

    PageHeads(SiteSettings site, JsonMapper json) {
        this.site = site;
        this.json = json;
    }

    /**
     * Search engines pick pictures for news results from those of at least 50,000 pixels;
     * smaller stored widths are left out of structured data.
     */
    static final int MIN_STRUCTURED_DATA_PIXELS = 50_000;

    /** The publisher's logo: the site icon, which Google accepts at 112 pixels square and more. */
    static final String LOGO_PATH = "/icon-512.png";

    static final int LOGO_SIZE = 512;

    /** The link-preview picture of pages without their own (site/web/SiteIconController draws it). */
    static final String CARD_PATH = "/site-card.png";

    static final int CARD_WIDTH = 1200;

    static final int CARD_HEIGHT = 630;

    /** The site card, for link previews of pages without a picture of their own. */
    private PageHead.Image siteCard() {
        return new PageHead.Image(site.absolute(CARD_PATH), CARD_WIDTH, CARD_HEIGHT, site.name());
    }

    /**
     * The front page: schema.org {@code WebSite} with the site search as a {@code SearchAction},
     * and the {@code NewsMediaOrganization} that publishes it.
     */
    PageHead home() {
        PageHead website = PageHead.website(site.absolute("/"), FeedLinks.site(site.name()));
        Map<String, Object> searchAction = new LinkedHashMap<>();
        searchAction.put("@type", "SearchAction");
        searchAction.put(
                "target",
                Map.of("@type", "EntryPoint", "urlTemplate", site.absolute("/search") + "?q={search_term_string}"));
        searchAction.put("query-input", "required name=search_term_string");
        Map<String, Object> webSite = new LinkedHashMap<>();
        webSite.put("@type", "WebSite");
        webSite.put("@id", site.absolute("/") + "#website");
        webSite.put("url", site.absolute("/"));
        webSite.put("name", site.name());
        webSite.put("inLanguage", site.language());
        webSite.put("publisher", Map.of("@id", organizationId()));
        webSite.put("potentialAction", searchAction);
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("@context", "https://schema.org");
        graph.put("@graph", List.of(webSite, publisher()));
        return new PageHead(
                website.canonicalUrl(), "website", siteCard(), website.feeds(), json.writeValueAsString(graph), true);
    }

    /** A story list; a later page of it ({@code ?before=}) is its own canonical page. */
    PageHead listing(String pageUrl, @Nullable String olderThan, List<FeedLinks.Link> feeds) {
        String canonical = olderThan == null ? pageUrl : pageUrl + "?before=" + olderThan;
        return new PageHead(site.absolute(canonical), "website", siteCard(), feeds, null, true);
    }

    /** An author page: the story list, and schema.org {@code ProfilePage} data about the person. */
    PageHead author(Author author, @Nullable StoredImage photo, @Nullable String olderThan) {
        PageHead listing =
                listing(author.url(), olderThan, FeedLinks.author(site.name(), author.name(), author.slug()));
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("@type", "Person");
        person.put("@id", site.absolute(author.url()) + "#person");
        person.put("name", author.name());
        person.put("url", site.absolute(author.url()));
        if (!author.jobTitle().isEmpty()) {
            person.put("jobTitle", author.jobTitle());
        }
        if (photo != null) {
            person.put("image", site.absolute(photo.url()));
        }
        if (!author.links().isEmpty()) {
            person.put("sameAs", author.links());
        }
        if (!author.email().isEmpty()) {
            person.put("email", author.email());
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", "https://schema.org");
        page.put("@type", "ProfilePage");
        page.put("url", listing.canonicalUrl());
        page.put("mainEntity", person);
        PageHead.Image preview = photo == null
                ? siteCard()
                : new PageHead.Image(site.absolute(photo.url()), photo.width(), photo.height(), photo.altText());
        return new PageHead(
                listing.canonicalUrl(), "profile", preview, listing.feeds(), json.writeValueAsString(page), true);
    }

    /** A section front: its story list, and a {@code BreadcrumbList} of the sections above it and itself. */
    PageHead section(Section section, List<Section> trail, @Nullable String olderThan) {
        PageHead listing =
                listing(section.url(), olderThan, FeedLinks.section(site.name(), section.name(), section.path()));
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("@context", "https://schema.org");
        graph.put("@graph", List.of(breadcrumbs(trail)));
        return new PageHead(
                listing.canonicalUrl(), "website", siteCard(), listing.feeds(), json.writeValueAsString(graph), true);
    }

    PageHead article(
            ArticleView article, @Nullable LeadImage image, List<Section> trail, Map<String, Object> contributedData) {
        String url = site.absolute(article.url());
        List<FeedLinks.Link> feeds =
                new ArrayList<>(FeedLinks.comments(article.summary().headline(), article.id()));
        Section section = article.summary().section();
        feeds.addAll(FeedLinks.section(site.name(), section.name(), section.path()));
        feeds.addAll(FeedLinks.site(site.name()));
        PageHead.Image preview = image == null ? siteCard() : preview(image);
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("@context", "https://schema.org");
        graph.put("@graph", List.of(newsArticle(article, url, image, contributedData), breadcrumbs(trail)));
        return new PageHead(url, "article", preview, feeds, json.writeValueAsString(graph), true);
    }

    private Map<String, Object> newsArticle(
            ArticleView article, String url, @Nullable LeadImage image, Map<String, Object> contributedData) {
        var summary = article.summary();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@type", "NewsArticle");
        data.put("@id", url + "#article");
        data.put("url", url);
        data.put("mainEntityOfPage", url);
        data.put("headline", summary.headline());
        data.put("description", article.pageDescription());
        if (image != null) {
            data.put("image", images(image));
        }
        data.put("datePublished", time(summary.publishedAt()));
        // A scheduled story keeps the updated time it was saved with; it cannot predate going out.
        Instant modified =
                summary.updatedAt().isAfter(summary.publishedAt()) ? summary.updatedAt() : summary.publishedAt();
        data.put("dateModified", time(modified));
        data.put("author", summary.authors().stream().map(this::person).toList());
        data.put("publisher", publisher());
        data.put("articleSection", summary.section().name());
        if (!article.tags().isEmpty()) {
            data.put("keywords", article.tags().stream().map(tag -> tag.name()).toList());
        }
        data.put("inLanguage", site.language());
        data.put("isAccessibleForFree", true);
        List<Map<String, Object>> corrections = article.corrections().stream()
                .filter(correction -> correction.kind().equals("correction"))
                .map(this::correction)
                .toList();
        if (!corrections.isEmpty()) {
            data.put("correction", corrections);
        }
        contributedData.forEach(data::putIfAbsent);
        return data;
    }

    private Map<String, Object> breadcrumbs(List<Section> trail) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < trail.size(); i++) {
            Section section = trail.get(i);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("@type", "ListItem");
            item.put("position", i + 1);
            item.put("name", section.name());
            item.put("item", site.absolute(section.url()));
            items.add(item);
        }
        return Map.of("@type", "BreadcrumbList", "itemListElement", items);
    }

    private Map<String, Object> person(Author author) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("@type", "Person");
        person.put("name", author.name());
        person.put("url", site.absolute(author.url()));
        if (!author.jobTitle().isEmpty()) {
            person.put("jobTitle", author.jobTitle());
        }
        if (!author.links().isEmpty()) {
            person.put("sameAs", author.links());
        }
        return person;
    }

    /**
     * A story's link-preview picture: its 16:9 crop (1200 x 675 where the upload was large enough),
     * else its largest width as uploaded.
     */
    private PageHead.Image preview(LeadImage image) {
        return image.crop(ImageCrop.WIDE)
                .map(crop -> new PageHead.Image(site.absolute(crop.url()), crop.width(), crop.height(), image.alt()))
                .orElseGet(() ->
                        new PageHead.Image(site.absolute(image.url()), image.width(), image.height(), image.alt()));
    }

    /**
     * The lead image as search engines ask for it: its crops at 16:9, 4:3 and 1:1, then the picture
     * as uploaded in its largest width. An image too small to crop is listed in every stored width
     * large enough for search engines, largest first; the largest alone when none is.
     */
    private List<Map<String, Object>> images(LeadImage image) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (ImageCrop crop : image.crops()) {
            objects.add(imageObject(crop.url(), crop.width(), crop.height()));
        }
        List<ImageVariant> large = image.variants().reversed().stream()
                .filter(variant -> (long) variant.width() * variant.height() >= MIN_STRUCTURED_DATA_PIXELS)
                .toList();
        List<ImageVariant> chosen = large.isEmpty() ? List.of(image.variants().getLast()) : large;
        if (!objects.isEmpty()) {
            chosen = chosen.subList(0, 1);
        }
        chosen.forEach(variant -> objects.add(imageObject(variant.url(), variant.width(), variant.height())));
        return objects;
    }

    private Map<String, Object> imageObject(String path, int width, int height) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("@type", "ImageObject");
        object.put("url", site.absolute(path));
        object.put("width", width);
        object.put("height", height);
        return object;
    }

    private String organizationId() {
        return site.absolute("/") + "#organization";
    }

    private Map<String, Object> publisher() {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("@type", "NewsMediaOrganization");
        organization.put("@id", organizationId());
        organization.put("name", site.name());
        organization.put("url", site.absolute("/"));
        organization.put("logo", imageObject(LOGO_PATH, LOGO_SIZE, LOGO_SIZE));
        return organization;
    }

    private Map<String, Object> correction(Correction correction) {
        return Map.of(
                "@type",
                "CorrectionComment",
                "text",
                correction.text(),
                "datePublished",
                time(correction.publishedAt()));
    }

    /** ISO 8601 with the newsroom's offset, as search engines prefer for news. */
    private String time(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(site.timeZone()));
    }
}
