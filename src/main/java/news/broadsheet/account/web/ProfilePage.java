package news.broadsheet.account.web;

import java.util.List;
import java.util.Map;
import news.broadsheet.account.Account;
import news.broadsheet.account.ProfileContribution;
import org.jspecify.annotations.Nullable;

/**
 * The profile page: who the user is, their details form (kept as typed when refused) and the
 * password form, each with messages per field, and what other modules add (the byline).
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
        String passwordUrl,
        List<ProfileContribution> contributions) {

    static ProfilePage of(
            Account account,
            String displayName,
            String email,
            Map<String, String> detailsErrors,
            Map<String, String> passwordErrors,
            @Nullable String notice,
            List<ProfileContribution> contributions) {
        return new ProfilePage(
                account.username(),
                account.role().label(),
                displayName,
                email,
                detailsErrors,
                passwordErrors,
                notice,
                "/admin/profile",
                "/admin/profile/password",
                contributions);
    }

    public @Nullable String detailsError(String field) {
        return detailsErrors.get(field);
    }

    public @Nullable String passwordError(String field) {
        return passwordErrors.get(field);
    }
}
