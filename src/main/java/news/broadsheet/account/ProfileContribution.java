package news.broadsheet.account;

import java.util.List;

/**
 * A section of a staff user's profile page contributed by another module.
 *
 * @param heading the section's heading, for example "Your byline"
 * @param text one or two plain sentences (escaped when shown)
 * @param links where to go from there, in order
 */
public record ProfileContribution(String heading, String text, List<Link> links) {

    public ProfileContribution {
        links = List.copyOf(links);
    }

    /** A link with its label. */
    public record Link(String label, String url) {}
}
