package news.broadsheet.account.web;

import org.jspecify.annotations.Nullable;

/** What the sign-in page shows: the username typed, and why the last attempt failed. */
public record LoginPage(
        String username, @Nullable String problem, @Nullable String notice) {

    public String forgotUrl() {
        return "/login/forgot";
    }
}
