package news.broadsheet.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.broadsheet.feed.FeedFormats;
import news.broadsheet.support.Http;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Reads sitemaps strictly, as a crawler would. */
final class Sitemaps {

    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    private Sitemaps() {}

    static Document fetch(Http http, String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.header("Content-Type")).as(path).isEqualTo("application/xml;charset=UTF-8");
        return FeedFormats.strictXml(response.body());
    }

    /** loc to lastmod of every {@code <url>} or {@code <sitemap>}; each lastmod must be a W3C datetime. */
    static Map<String, String> entries(Document xml, String element) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (Element entry : FeedFormats.children(xml.getDocumentElement(), NS, element)) {
            String lastmod = FeedFormats.children(entry, NS, "lastmod").isEmpty()
                    ? null
                    : FeedFormats.text(entry, NS, "lastmod");
            if (lastmod != null) {
                ZonedDateTime.parse(lastmod, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            }
            String loc = FeedFormats.text(entry, NS, "loc");
            assertThat(entries).as("listed twice: " + loc).doesNotContainKey(loc);
            entries.put(loc, lastmod);
        }
        return entries;
    }

    /** The addresses of the article sitemap files the index lists, in order (site-relative). */
    static List<String> articleFilePaths(Http http) {
        return entries(fetch(http, "/sitemap.xml"), "sitemap").keySet().stream()
                .map(loc -> loc.substring(loc.indexOf("/sitemaps/")))
                .filter(path -> path.startsWith("/sitemaps/articles-"))
                .toList();
    }

    /** Every article sitemap file the index lists, in order, each as its loc-to-lastmod map. */
    static List<Map<String, String>> articleFiles(Http http) {
        List<Map<String, String>> files = new ArrayList<>();
        for (String path : articleFilePaths(http)) {
            files.add(entries(fetch(http, path), "url"));
        }
        return files;
    }

    /** Every pages sitemap file the site serves, in order, each as its loc-to-lastmod map. */
    static List<Map<String, String>> pageFiles(Http http) {
        List<Map<String, String>> files = new ArrayList<>();
        for (int n = 1; ; n++) {
            Http.Response response = http.get("/sitemaps/pages-" + n + ".xml");
            if (response.status() == 404) {
                return files;
            }
            files.add(entries(fetch(http, "/sitemaps/pages-" + n + ".xml"), "url"));
        }
    }

    /** Every page address of the pages sitemaps, in order, with its lastmod. */
    static Map<String, String> pages(Http http) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (Map<String, String> file : pageFiles(http)) {
            file.forEach((loc, lastmod) -> assertThat(pages.put(loc, lastmod))
                    .as("listed twice: " + loc)
                    .isNull());
        }
        return pages;
    }

    /** Every story address in the article sitemaps. */
    static List<String> articleUrls(Http http) {
        return articleFiles(http).stream().flatMap(f -> f.keySet().stream()).toList();
    }
}
