package news.broadsheet.account.web;

import java.util.Map;
import news.broadsheet.account.AccountLifecycle;
import news.broadsheet.account.LinkPurpose;
import org.jspecify.annotations.Nullable;

/**
 * Choosing a password through an invitation or reset link, or the news that the link no longer
 * works.
 *
 * @param username the account the link opens; empty when it has expired
 * @param actionUrl where the form posts
 * @param forgotUrl where to ask for a new reset link
 */
public record ChoosePasswordPage(
        String heading,
        boolean expired,
        String username,
        String actionUrl,
        String forgotUrl,
        boolean invitation,
        Map<String, String> errors) {

    static ChoosePasswordPage form(
            LinkPurpose purpose, String actionUrl, AccountLifecycle.OpenLink link, Map<String, String> errors) {
        boolean invitation = purpose == LinkPurpose.INVITATION;
        return new ChoosePasswordPage(
                invitation ? "Welcome: choose your password" : "Choose a new password",
                false,
                link.account().username(),
                actionUrl,
                "/login/forgot",
                invitation,
                errors);
    }

    static ChoosePasswordPage expired(LinkPurpose purpose, String forgotUrl) {
        return new ChoosePasswordPage(
                "This link no longer works", true, "", "", forgotUrl, purpose == LinkPurpose.INVITATION, Map.of());
    }

    public @Nullable String error(String field) {
        return errors.get(field);
    }
}
