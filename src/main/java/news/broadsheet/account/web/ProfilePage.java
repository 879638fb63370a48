package news.broadsheet.account.web;

import java.util.Map;
import news.broadsheet.account.Account;
import org.jspecify.annotations.Nullable;

/**
 * The profile page: who the user is, their details form (kept as typed when refused) and the
 * password form, each with messages per field.
 */
public record ProfilePage(
        String username,
        String roleLabel,
        String displayName,
        String email,
        Map<String, String> detailsErrors,
        Map<String, String> passwordErrors,
        @Nullable String notice,
        String detailsUrl,
        String passwordUrl) {

    static ProfilePage of(
            Account account,
            String displayName,
            String email,
            Map<String, String> detailsErrors,
            Map<String, String> passwordErrors,
            @Nullable String notice) {
        return new ProfilePage(
                account.username(),
                account.role().label(),
                displayName,
                email,
                detailsErrors,
                passwordErrors,
                notice,
                "/admin/profile",
                "/admin/profile/password");
    }

    public @Nullable String detailsError(String field) {
        return detailsErrors.get(field);
    }

    public @Nullable String passwordError(String field) {
        return passwordErrors.get(field);
    }
}
