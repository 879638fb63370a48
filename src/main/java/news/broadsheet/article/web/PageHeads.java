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

    PageHead home() {
        return PageHead.website(site.absolute("/"), FeedLinks.site(site.name()));
    }

    /** A story list; a later page of it ({@code ?before=}) is its own canonical page. */
    PageHead listing(String pageUrl, @Nullable String olderThan, List<FeedLinks.Link> feeds) {
        String canonical = olderThan == null ? pageUrl : pageUrl + "?before=" + olderThan;
        return PageHead.website(site.absolute(canonical), feeds);
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
                ? null
                : new PageHead.Image(site.absolute(photo.url()), photo.width(), photo.height(), photo.altText());
        return new PageHead(
                listing.canonicalUrl(), "profile", preview, listing.feeds(), json.writeValueAsString(page), true);
    }

    PageHead section(Section section, @Nullable String olderThan) {
        return listing(section.url(), olderThan, FeedLinks.section(site.name(), section.name(), section.path()));
    }

    PageHead article(
            ArticleView article, @Nullable LeadImage image, List<Section> trail, Map<String, Object> contributedData) {
        String url = site.absolute(article.url());
        List<FeedLinks.Link> feeds =
                new ArrayList<>(FeedLinks.comments(article.summary().headline(), article.id()));
        Section section = article.summary().section();
        feeds.addAll(FeedLinks.section(site.name(), section.name(), section.path()));
        feeds.addAll(FeedLinks.site(site.name()));
        PageHead.Image preview = image == null
                ? null
                : new PageHead.Image(site.absolute(image.url()), image.width(), image.height(), image.alt());
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("@context", "https://schema.org");
        graph.put("@graph", List.of(newsArticle(article, url, preview, contributedData), breadcrumbs(trail)));
        return new PageHead(url, "article", preview, feeds, json.writeValueAsString(graph), true);
    }

    private Map<String, Object> newsArticle(
            ArticleView article, String url, PageHead.@Nullable Image image, Map<String, Object> contributedData) {
        var summary = article.summary();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@type", "NewsArticle");
        data.put("@id", url + "#article");
        data.put("url", url);
        data.put("mainEntityOfPage", url);
        data.put("headline", summary.headline());
        data.put("description", article.pageDescription());
        if (image != null) {
            data.put("image", List.of(image.url()));
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

    private Map<String, Object> publisher() {
        return Map.of("@type", "NewsMediaOrganization", "name", site.name(), "url", site.absolute("/"));
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
