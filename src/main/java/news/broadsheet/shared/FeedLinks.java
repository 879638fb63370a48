package news.broadsheet.shared;

import java.util.List;

/**
 * The addresses of Broadsheet's feeds, in one place: the feed module serves them and pages link
 * to them for autodiscovery. Every scope has the same three formats:
 *
 * <ul>
 *   <li>the whole site: {@code /feeds/all.rss}, {@code /feeds/all.atom}, {@code /feeds/all.json}
 *   <li>a section (and the sections below it): {@code /feeds/section/world/defense.rss}
 *   <li>a tag: {@code /feeds/tag/<slug>.atom}; an author: {@code /feeds/author/<slug>.json}
 *   <li>the approved comments on one story: {@code /feeds/comments/<article id>.rss}
 * </ul>
 */
public final class FeedLinks {

    /** The three formats, with the extension and media type each is served with. */
    public enum Format {
        RSS("rss", "application/rss+xml", "RSS"),
        ATOM("atom", "application/atom+xml", "Atom"),
        JSON("json", "application/feed+json", "JSON Feed");

        private final String extension;
        private final String mediaType;
        private final String label;

        Format(String extension, String mediaType, String label) {
            this.extension = extension;
            this.mediaType = mediaType;
            this.label = label;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One feed as a page links to it.
     *
     * @param href the feed's site path, such as {@code /feeds/all.atom}
     */
    public record Link(String title, String mediaType, String href) {}

    private FeedLinks() {}

    public static List<Link> site(String siteName) {
        return links(siteName, "/feeds/all");
    }

    /** @param sectionPath the section's path without a leading slash, such as {@code world/defense} */
    public static List<Link> section(String siteName, String sectionName, String sectionPath) {
        return links(siteName + ": " + sectionName, "/feeds/section/" + sectionPath);
    }

    public static List<Link> tag(String siteName, String tagName, String tagSlug) {
        return links(siteName + ": " + tagName, "/feeds/tag/" + tagSlug);
    }

    public static List<Link> author(String siteName, String authorName, String authorSlug) {
        return links(siteName + ": " + authorName, "/feeds/author/" + authorSlug);
    }

    public static List<Link> comments(String headline, long articleId) {
        return links("Comments on " + headline, "/feeds/comments/" + articleId);
    }

    private static List<Link> links(String title, String base) {
        return List.of(Format.values()).stream()
                .map(format -> new Link(
                        title + " (" + format.label() + ")", format.mediaType(), base + "." + format.extension()))
                .toList();
    }
}
