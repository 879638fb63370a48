package news.broadsheet.author;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the newsroom writes about a byline, as typed: {@link Authors} checks it.
 *
 * @param bio Markdown
 * @param profiles social profile addresses
 * @param imageId an image in the media library, or null for none
 */
public record AuthorDetails(
        String slug,
        String name,
        String jobTitle,
        String bio,
        String email,
        String website,
        List<String> profiles,
        @Nullable Long imageId) {

    public AuthorDetails {
        profiles = List.copyOf(profiles);
    }

    /** The details of an existing byline, to change some of them. */
    public static AuthorDetails of(Author author) {
        return new AuthorDetails(
                author.slug(),
                author.name(),
                author.jobTitle(),
                author.bio(),
                author.email(),
                author.website(),
                author.profiles(),
                author.imageId());
    }

    public AuthorDetails withImage(@Nullable Long image) {
        return new AuthorDetails(slug, name, jobTitle, bio, email, website, profiles, image);
    }
}
