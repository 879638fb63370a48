package news.broadsheet.api.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The personal access tokens screen.
 *
 * @param secret a token's secret, shown once, right after it was created
 * @param everyone true when an admin is looking at every user's tokens
 */
public record TokensPage(
        List<Row> tokens,
        List<ScopeOption> scopes,
        Map<String, String> errors,
        String name,
        String expiresOn,
        @Nullable String secret,
        @Nullable String notice,
        boolean everyone,
        boolean admin) {

    public @Nullable String error(String field) {
        return errors.get(field);
    }

    /** One token in the list. */
    public record Row(
            long id,
            String name,
            String prefix,
            String owner,
            String scopes,
            String created,
            String lastUsed,
            String expires,
            String state,
            boolean revocable) {

        public String revokeUrl() {
            return "/admin/tokens/" + id + "/revoke";
        }
    }

    /** A scope the user may give a token. */
    public record ScopeOption(String value, String label, boolean checked) {}
}
