package news.broadsheet.account.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The "forgot my password" page.
 *
 * @param email what was typed (kept when the request is refused)
 * @param problem why the request was refused as a whole (too many requests)
 * @param sent whether to say that a link is on its way, if the address belongs to an account
 */
public record ForgotPasswordPage(
        String email, Map<String, String> errors, @Nullable String problem, boolean sent) {

    public @Nullable String error(String field) {
        return errors.get(field);
    }

    public String signInUrl() {
        return "/login";
    }
}
