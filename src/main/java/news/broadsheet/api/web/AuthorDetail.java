package news.broadsheet.api.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An author with everything their page shows.
 *
 * @param bio Markdown, as written
 * @param bioHtml the bio rendered and sanitised, as the author page shows it
 * @param email a public contact address, or empty
 * @param website an address, or empty
 * @param profiles social profile addresses
 * @param sameAs the website and the profiles, as schema.org's {@code sameAs}
 * @param image the photo, or null
 * @param retired no longer offered for new stories; the page and stories stay
 */
public record AuthorDetail(
        long id,
        String slug,
        String name,
        String jobTitle,
        String bio,
        String bioHtml,
        String email,
        String website,
        List<String> profiles,
        List<String> sameAs,
        @Nullable ImageItem image,
        boolean retired,
        String url) {}
