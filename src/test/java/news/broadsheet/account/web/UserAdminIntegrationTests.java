package news.broadsheet.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class UserAdminIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    news.broadsheet.support.TestDatabaseQueries database;

    @Test
    void onlyAdminsManageUsersAndReadTheAuditLog() {
        for (Role role : Role.values()) {
            StaffClient staff = StaffClient.signIn(http, newsroom.staff(role).username(), Newsroom.PASSWORD);
            int expected = role == Role.ADMIN ? 200 : 403;
            assertThat(staff.get("/admin/users").status()).as(role + " users").isEqualTo(expected);
            assertThat(staff.get("/admin/audit").status()).as(role + " audit").isEqualTo(expected);
            assertThat(staff.post(
                                    "/admin/users",
                                    "username",
                                    Newsroom.unique("x"),
                                    "displayName",
                                    "X",
                                    "email",
                                    "x@example.org",
                                    "role",
                                    "ADMIN",
                                    "password",
                                    "long enough password")
                            .status())
                    .as(role + " create")
                    .isIn(role == Role.ADMIN ? 302 : 403);
        }
    }

    @Test
    void createsAccountsKeepingInputWhenRefused() {
        StaffClient admin = StaffClient.signIn(http, newsroom.staff(Role.ADMIN).username(), Newsroom.PASSWORD);
        String username = Newsroom.unique("newcomer").replace("-", ".");

        Http.Response refused = admin.post(
                "/admin/users",
                "username",
                username,
                "displayName",
                "New Comer",
                "email",
                "not-an-email",
                "role",
                "REPORTER",
                "password",
                "long enough password");
        assertThat(refused.status()).isEqualTo(422);
        Document page = refused.page();
        assertThat(page.selectFirst("#new-username").val()).isEqualTo(username);
        assertThat(page.select(".field-error").text()).contains("valid email address");

        Http.Response created = admin.post(
                "/admin/users",
                "username",
                username,
                "displayName",
                "New Comer",
                "email",
                "new@example.org",
                "role",
                "REPORTER",
                "password",
                "long enough password");
        assertThat(created.status()).isEqualTo(302);
        assertThat(admin.get("/admin/users").page().select("#user-" + username.replace(".", "\\.")))
                .hasSize(1);
        assertThat(StaffClient.signIn(http, username, "long enough password")).isNotNull();
    }

    @Test
    void refusesAUsernameTakenInAnyCaseWithAMessageWhetherByPasswordOrInvitation() {
        StaffClient admin = StaffClient.signIn(http, newsroom.staff(Role.ADMIN).username(), Newsroom.PASSWORD);
        String username = Newsroom.unique("twin").replace("-", ".");
        assertThat(create(admin, username, username + "@example.org", "long enough password")
                        .status())
                .isEqualTo(302);

        for (String again : List.of(username, username.toUpperCase(Locale.ROOT))) {
            for (String password : List.of("another long password", "")) {
                Http.Response refused = create(admin, again, Newsroom.unique("other") + "@example.org", password);
                assertThat(refused.status())
                        .as(again + (password.isEmpty() ? " invited" : ""))
                        .isEqualTo(422);
                assertThat(refused.page().select(".field-error").text()).contains("already taken");
                assertThat(refused.page().selectFirst("#new-username").val()).isEqualTo(again);
            }
        }
    }

    private static Http.Response create(StaffClient admin, String username, String email, String password) {
        return admin.post(
                "/admin/users",
                "username",
                username,
                "displayName",
                "Twin",
                "email",
                email,
                "role",
                "REPORTER",
                "password",
                password);
    }

    @Test
    void roleChangesAndDisablingEndSessionsAtOnceAndAreAudited() {
        StaffClient admin = StaffClient.signIn(http, newsroom.staff(Role.ADMIN).username(), Newsroom.PASSWORD);
        Account editor = newsroom.staff(Role.EDITOR);
        StaffClient editorSession = StaffClient.signIn(http, editor.username(), Newsroom.PASSWORD);
        assertThat(editorSession.get("/admin").status()).isEqualTo(200);

        assertThat(admin.post("/admin/users/" + editor.id() + "/role", "role", "MODERATOR")
                        .status())
                .isEqualTo(302);
        assertThat(editorSession.get("/admin").status())
                .as("session ended by role change")
                .isEqualTo(302);

        StaffClient again = StaffClient.signIn(http, editor.username(), Newsroom.PASSWORD);
        assertThat(admin.post("/admin/users/" + editor.id() + "/enabled", "enabled", "false")
                        .status())
                .isEqualTo(302);
        assertThat(again.get("/admin").status())
                .as("session ended by disabling")
                .isEqualTo(302);
        assertThat(AccountSecurityIntegrationTests.attempt(http.browser(), editor.username(), Newsroom.PASSWORD)
                        .location())
                .startsWith("/login?error");

        Document audit = admin.get("/admin/audit?action=account.").page();
        assertThat(audit.select("tbody tr").text())
                .contains("account.role-changed")
                .contains(editor.username() + ": Editor to Moderator")
                .contains("account.disabled")
                .contains("account.signed-in");
    }

    @Test
    void showsOnlyItsOwnNotices() {
        StaffClient admin = StaffClient.signIn(http, newsroom.staff(Role.ADMIN).username(), Newsroom.PASSWORD);

        assertThat(admin.get("/admin/users?done=Your+account+is+compromised")
                        .page()
                        .select(".notice"))
                .isEmpty();
    }

    @Test
    void keepsAtLeastOneActiveAdmin() {
        Account soleAdmin = newsroom.staff(Role.ADMIN);
        StaffClient admin = StaffClient.signIn(http, soleAdmin.username(), Newsroom.PASSWORD);

        Http.Response selfDisable = admin.post("/admin/users/" + soleAdmin.id() + "/enabled", "enabled", "false");

        assertThat(selfDisable.status()).isEqualTo(409);
        assertThat(selfDisable.page().selectFirst(".form-problem").text()).contains("your own account");
    }

    @Test
    void refusesToDemoteTheOnlyActiveAdmin() {
        database.jdbc()
                .sql("UPDATE account SET enabled = FALSE WHERE role = 'admin'")
                .update();
        Account onlyAdmin = newsroom.staff(Role.ADMIN);
        Account other = newsroom.staff(Role.ADMIN);
        StaffClient otherAdmin = StaffClient.signIn(http, other.username(), Newsroom.PASSWORD);
        assertThat(otherAdmin
                        .post("/admin/users/" + other.id() + "/role", "role", "EDITOR")
                        .status())
                .isEqualTo(302);

        StaffClient admin = StaffClient.signIn(http, onlyAdmin.username(), Newsroom.PASSWORD);
        Http.Response demote = admin.post("/admin/users/" + onlyAdmin.id() + "/role", "role", "EDITOR");

        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.page().selectFirst(".form-problem").text()).contains("only active admin");
    }
}
