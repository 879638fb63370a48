package news.broadsheet.author.web;

import java.util.Arrays;
import java.util.List;
import news.broadsheet.author.Author;
import news.broadsheet.author.AuthorDetails;
import org.jspecify.annotations.Nullable;

/**
 * The byline form as typed; every field may be missing from a hand-made request.
 *
 * @param profiles social profile addresses, one per line
 * @param accountId the staff account's id, or empty for none
 */
public record AuthorForm(
        @Nullable String name,
        @Nullable String slug,
        @Nullable String jobTitle,
        @Nullable String bio,
        @Nullable String email,
        @Nullable String website,
        @Nullable String profiles,
        @Nullable String accountId) {

    static AuthorForm blank() {
        return new AuthorForm("", "", "", "", "", "", "", "");
    }

    static AuthorForm of(Author author) {
        return new AuthorForm(
                author.name(),
                author.slug(),
                author.jobTitle(),
                author.bio(),
                author.email(),
                author.website(),
                String.join("\n", author.profiles()),
                author.accountId() == null ? "" : String.valueOf(author.accountId()));
    }

    AuthorDetails details(@Nullable Long imageId) {
        return new AuthorDetails(
                text(name),
                text(slug),
                text(jobTitle),
                text(bio),
                text(email),
                text(website),
                Arrays.stream(text(profiles).split("\\R")).toList(),
                imageId);
    }

    /** The chosen account; null for none, or for something that is not an id. */
    @Nullable
    Long account() {
        String value = text(accountId).strip();
        return value.matches("[1-9][0-9]{0,17}") ? Long.valueOf(value) : null;
    }

    boolean hasAccount(long id) {
        return text(accountId).strip().equals(String.valueOf(id));
    }

    static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    List<String> values() {
        return List.of(text(name), text(slug), text(jobTitle), text(bio), text(email), text(website), text(profiles));
    }
}
