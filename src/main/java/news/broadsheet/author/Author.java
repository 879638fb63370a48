package news.broadsheet.author;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person who writes for the publication, as readers see them in a byline.
 *
 * @param bio Markdown; {@link Authors#bioHtml} renders it, sanitised
 * @param email a public contact address, or empty
 * @param website an address, or empty
 * @param profiles social profile addresses
 * @param imageId the photo, an image in the media library
 * @param accountId the newsroom account that writes as this byline
 * @param retired no longer offered for new stories
 * @param mergedIntoId the byline that took over this one's stories; its address redirects there
 */
public record Author(
        long id,
        String slug,
        String name,
        String jobTitle,
        String bio,
        String email,
        String website,
        List<String> profiles,
        @Nullable Long imageId,
        @Nullable Long accountId,
        boolean retired,
        @Nullable Long mergedIntoId) {

    public Author {
        profiles = List.copyOf(profiles);
    }

    /** The author's page, for example {@code /author/ana-ferreira}. */
    public String url() {
        return "/author/" + slug;
    }

    public boolean merged() {
        return mergedIntoId != null;
    }

    /** The website, then the social profiles: what schema.org calls {@code sameAs}. */
    public List<String> links() {
        List<String> links = new ArrayList<>();
        if (!website.isEmpty()) {
            links.add(website);
        }
        links.addAll(profiles);
        return links;
    }
}
