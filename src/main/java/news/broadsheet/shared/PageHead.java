package news.broadsheet.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a public page tells browsers, search engines, feed readers and link previews in its
 * {@code <head>} beyond its title and description: the canonical address, OpenGraph and Twitter card fields, the
 * feeds that follow the page (autodiscovery) and schema.org structured data. Rendered by the page
 * layout. Every address is absolute except the feeds', which are site paths.
 *
 * @param canonicalUrl the one address search engines should index this page under, or null
 * @param type the OpenGraph type: {@code article} or {@code website}
 * @param image the picture link previews show, or null
 * @param feeds feeds that follow this page, linked as {@code rel="alternate"}
 * @param jsonLd schema.org data as JSON, already serialised, or null
 * @param indexable false for pages that search engines should not index (search results)
 */
public record PageHead(
        @Nullable String canonicalUrl,
        String type,
        @Nullable Image image,
        List<FeedLinks.Link> feeds,
        @Nullable String jsonLd,
        boolean indexable) {

    /** A page with a canonical address and feeds but no picture or structured data. */
    public static PageHead website(String canonicalUrl, List<FeedLinks.Link> feeds) {
        return new PageHead(canonicalUrl, "website", null, feeds, null, true);
    }

    /** A page search engines should leave out of their index, such as search results. */
    public static PageHead notIndexed(List<FeedLinks.Link> feeds) {
        return new PageHead(null, "website", null, feeds, null, false);
    }

    /**
     * The JSON-LD made safe inside a {@code <script>} element: no {@code </script>} or HTML
     * comment can end it early, because every {@code <} is written as its JSON escape.
     */
    public @Nullable String jsonLdForScript() {
        return jsonLd == null
                ? null
                : jsonLd.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** A picture for link previews, with its absolute address, size and alt text. */
    public record Image(String url, int width, int height, String alt) {}
}
