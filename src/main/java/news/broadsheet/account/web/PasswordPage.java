package news.broadsheet.account.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The password page: a message per field, or a notice after a change. */
public record PasswordPage(
        Map<String, String> errors, @Nullable String notice) {

    public @Nullable String error(String field) {
        return errors.get(field);
    }
}
