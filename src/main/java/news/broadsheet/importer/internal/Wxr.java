package news.broadsheet.importer.internal;

import java.util.List;
import java.util.Map;

/** What a WordPress export holds, one record per element the importer reads. */
public final class Wxr {

    private Wxr() {}

    /** The channel: which site the export came from. */
    public record Site(String title, String link, String baseSiteUrl, String baseBlogUrl, String version) {

        /** The site's root address without a trailing slash: the key of everything imported from it. */
        public String root() {
            String root = !baseBlogUrl.isBlank() ? baseBlogUrl : !baseSiteUrl.isBlank() ? baseSiteUrl : link;
            root = root.strip();
            while (root.endsWith("/")) {
                root = root.substring(0, root.length() - 1);
            }
            return root.isEmpty() ? "unknown-site" : root;
        }
    }

    public record Author(
            String id, String login, String email, String displayName, String firstName, String lastName) {}

    public record Category(String termId, String nicename, String parent, String name, String description) {}

    public record Tag(String termId, String slug, String name, String description) {}

    /** A category or tag on an item ({@code domain} is category or post_tag). */
    public record Term(String domain, String nicename, String name) {}

    public record Comment(
            String id,
            String author,
            String email,
            String date,
            String dateGmt,
            String content,
            String approved,
            String type,
            String parent,
            Map<String, String> meta) {}

    /**
     * A post, page, attachment or any other post type.
     *
     * @param meta only the post meta the importer uses (thumbnail, attached file, alt text)
     * @param line where the item starts in the file, for the report
     */
    public record Item(
            String title,
            String link,
            String guid,
            String creator,
            String content,
            String excerpt,
            String postId,
            String postDate,
            String postDateGmt,
            String pubDate,
            String commentStatus,
            String postName,
            String status,
            String postParent,
            String postType,
            String attachmentUrl,
            List<Term> terms,
            Map<String, String> meta,
            List<Comment> comments,
            int line) {}
}
