package news.broadsheet.article.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an author page shows above the stories: job title, photo, bio, contact address and links.
 *
 * @param bioHtml rendered from Markdown and sanitised
 * @param emailUrl a {@code mailto:} address, or null
 */
public record AuthorProfile(
        String jobTitle,
        @Nullable LeadImage photo,
        String bioHtml,
        @Nullable String email,
        @Nullable String emailUrl,
        List<Link> links) {

    /** A link to the author elsewhere: their website or a social profile, labelled by its host. */
    public record Link(String label, String url) {}

    /** The sizes hint for the photo: a small square beside the name. */
    public String photoSizes() {
        return "8rem";
    }
}
