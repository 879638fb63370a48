package news.broadsheet.account.web;

import java.util.List;
import java.util.Map;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import org.jspecify.annotations.Nullable;

/**
 * The user management page: every account with its role and state, and the form for a new one.
 *
 * @param form what was typed into the new-account form (kept when it is refused)
 * @param errors messages per field of the new-account form
 */
public record UsersPage(
        List<Account> accounts,
        List<Role> roles,
        NewAccountForm form,
        Map<String, String> errors,
        @Nullable String notice,
        @Nullable String problem,
        long currentAccountId) {

    public @Nullable String error(String field) {
        return errors.get(field);
    }

    /** The new-account form as submitted. */
    public record NewAccountForm(String username, String displayName, String email, String role) {

        static NewAccountForm empty() {
            return new NewAccountForm("", "", "", Role.REPORTER.name());
        }
    }
}
