package news.broadsheet.account.web;

import static news.broadsheet.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.support.Burst;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.MutableClock;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AccountSecurityIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    MutableClock clock;

    @Autowired
    TestDatabaseQueries database;

    @Test
    void signsInAndOut() {
        Account editor = newsroom.staff(Role.EDITOR);
        StaffClient staff = StaffClient.signIn(http, editor.username(), Newsroom.PASSWORD);

        assertThat(staff.get("/admin").header("Cache-Control")).contains("no-store");
        Document dashboard = staff.get("/admin").page();
        assertThat(dashboard.selectFirst("h1").text()).isEqualTo("Newsroom");
        assertThat(dashboard.selectFirst(".admin-bar__signout span").text()).contains("(Editor)");

        Http.Response signedOut = staff.post("/logout");
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.location()).isEqualTo("/login?signedout");
        assertThat(staff.get("/admin").status()).isEqualTo(302);
    }

    @Test
    void sendsAnonymousVisitorsToSignIn() {
        Http.Response response = http.get("/admin/articles");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).isEqualTo("/login");
        assertThat(response.header("Set-Cookie"))
                .as("a session for the sign-in form")
                .isNotNull();
        assertThat(http.get("/").header("Set-Cookie"))
                .as("public pages never start a session")
                .isNull();
    }

    @Test
    void answersWrongPasswordAndUnknownUserAlike() {
        Account reporter = newsroom.staff(Role.REPORTER);

        Http.Response wrongPassword = attempt(http.browser(), reporter.username(), "not the password");
        Http.Response unknownUser = attempt(http.browser(), "nobody-" + reporter.username(), "not the password");

        assertThat(wrongPassword.location()).isEqualTo("/login?error&username=" + reporter.username());
        assertThat(unknownUser.location()).isEqualTo("/login?error&username=nobody-" + reporter.username());
        Document page = http.get(wrongPassword.location()).page();
        assertThat(page.selectFirst(".form-problem").text())
                .isEqualTo("That username and password do not match an active account.");
        assertThat(page.selectFirst("input[name=username]").val()).isEqualTo(reporter.username());
    }

    @Test
    void throttlesRepeatedFailuresEvenForTheRightPasswordThenLetsGo() {
        Account editor = newsroom.staff(Role.EDITOR);
        for (int i = 0; i < 5; i++) {
            assertThat(attempt(http.browser(), editor.username(), "guess " + i).location())
                    .startsWith("/login?error");
        }

        Http.Response locked = attempt(http.browser(), editor.username(), Newsroom.PASSWORD);
        assertThat(locked.location()).startsWith("/login?throttled=15");
        assertThat(http.get(locked.location())
                        .page()
                        .selectFirst(".form-problem")
                        .text())
                .isEqualTo("Too many failed sign-in attempts. Please wait 15 minutes and try again.");

        clock.advance(Duration.ofMinutes(16));
        try {
            assertThat(StaffClient.signIn(http, editor.username(), Newsroom.PASSWORD))
                    .isNotNull();
        } finally {
            clock.advance(Duration.ofMinutes(-16));
        }
    }

    @Test
    void guessingFromAnotherClientNeverLocksTheOwnerOut() {
        Account editor = newsroom.staff(Role.EDITOR);
        Http elsewhere = http.browserAt("127.0.0.2");
        for (int i = 0; i < 50; i++) {
            assertThat(attempt(elsewhere, editor.username(), "guess " + i).location())
                    .startsWith(i < 5 ? "/login?error" : "/login?throttled=15");
        }
        assertThat(attempt(elsewhere, editor.username(), Newsroom.PASSWORD).location())
                .as("the right password from the guessing client")
                .startsWith("/login?throttled=15");

        assertThat(StaffClient.signIn(http, editor.username(), Newsroom.PASSWORD))
                .as("the editor from their own address")
                .isNotNull();
        assertThat(auditRows(editor.username(), "account.sign-in-failed"))
                .as("only checked attempts are recorded")
                .isEqualTo(5);
        assertThat(auditRows(editor.username(), "account.sign-in-locked")).isEqualTo(1);
    }

    @Test
    void checksNoMoreAttemptsOfAParallelBurstThanTheLimit() throws Exception {
        Account editor = newsroom.staff(Role.EDITOR);
        List<Supplier<Http.Response>> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(prepared(http.browserAt("127.0.0.3"), editor.username(), "guess " + i));
        }

        List<String> answers =
                Burst.of(burst).stream().map(Http.Response::location).toList();

        assertThat(answers).filteredOn(a -> a.startsWith("/login?error")).hasSize(5);
        assertThat(answers).filteredOn(a -> a.startsWith("/login?throttled=")).hasSize(15);
        assertThat(auditRows(editor.username(), "account.sign-in-failed")).isEqualTo(5);
        assertThat(auditRows(editor.username(), "account.sign-in-locked")).isEqualTo(1);
    }

    @Test
    void asksToTryAgainShortlyWhenTooManySignInsAreBeingChecked() {
        assertThat(http.get("/login?busy").page().selectFirst(".form-problem").text())
                .isEqualTo("Too many sign-ins are being checked right now. Please try again in a few seconds.");
    }

    @Test
    void throttlesUnknownUsernamesTheSameWay() {
        String ghost = Newsroom.unique("ghost");
        for (int i = 0; i < 5; i++) {
            attempt(http.browser(), ghost, "guess " + i);
        }

        assertThat(attempt(http.browser(), ghost, "guess 6").location()).startsWith("/login?throttled=");
    }

    @Test
    void answersOverlongAndOddUsernamesWithoutServerErrors() {
        for (String username : List.of("x".repeat(9000), "a\u0000b", "y".repeat(250))) {
            Http.Response response = attempt(http.browser(), username, "whatever");
            assertThat(response.location()).isEqualTo("/login?error");
        }
    }

    @Test
    void rejectsStaffFormsWithoutCsrfToken() {
        Account admin = newsroom.staff(Role.ADMIN);
        StaffClient staff = StaffClient.signIn(http, admin.username(), Newsroom.PASSWORD);

        Http.Response response = staff.postWithoutCsrf(
                "/admin/users",
                "username",
                "sneaky",
                "displayName",
                "S",
                "email",
                "s@example.org",
                "role",
                "ADMIN",
                "password",
                "long enough password");

        assertThat(response.status()).isEqualTo(403);
        assertThat(staff.get("/admin/users").page().select("#user-sneaky")).isEmpty();
        assertThat(http.browser()
                        .postForm("/login", form("username", admin.username(), "password", Newsroom.PASSWORD))
                        .status())
                .as("sign-in without token")
                .isEqualTo(403);
    }

    @Test
    void changesOwnPasswordAfterCheckingTheCurrentOne() {
        Account reporter = newsroom.staff(Role.REPORTER);
        StaffClient staff = StaffClient.signIn(http, reporter.username(), Newsroom.PASSWORD);

        Http.Response wrong = staff.post(
                "/admin/account/password",
                "current",
                "wrong",
                "replacement",
                "a brand new phrase",
                "confirmation",
                "a brand new phrase");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.page().selectFirst("#current-error").text()).isEqualTo("That is not your current password.");

        Http.Response tooShort = staff.post(
                "/admin/account/password",
                "current",
                Newsroom.PASSWORD,
                "replacement",
                "short",
                "confirmation",
                "short");
        assertThat(tooShort.page().selectFirst("#replacement-error").text()).contains("at least 12 characters");

        Http.Response changed = staff.post(
                "/admin/account/password",
                "current",
                Newsroom.PASSWORD,
                "replacement",
                "a brand new phrase",
                "confirmation",
                "a brand new phrase");
        assertThat(changed.status()).isEqualTo(302);
        assertThat(attempt(http.browser(), reporter.username(), Newsroom.PASSWORD)
                        .location())
                .startsWith("/login?error");
        assertThat(StaffClient.signIn(http, reporter.username(), "a brand new phrase"))
                .isNotNull();
    }

    private int auditRows(String username, String action) {
        return database.jdbc()
                .sql("SELECT COUNT(*) FROM audit_event WHERE actor_name = ? AND action = ?")
                .params(username, action)
                .query(Integer.class)
                .single();
    }

    /** A sign-in form ready to post: its page is already fetched. */
    static Supplier<Http.Response> prepared(Http browser, String username, String password) {
        String token =
                browser.get("/login").page().selectFirst("input[name=_csrf]").val();
        return () -> {
            Http.Response response =
                    browser.postForm("/login", form("username", username, "password", password, "_csrf", token));
            assertThat(response.status()).isEqualTo(302);
            return response;
        };
    }

    static Http.Response attempt(Http browser, String username, String password) {
        String token =
                browser.get("/login").page().selectFirst("input[name=_csrf]").val();
        Http.Response response =
                browser.postForm("/login", form("username", username, "password", password, "_csrf", token));
        assertThat(response.status()).isEqualTo(302);
        return response;
    }
}
