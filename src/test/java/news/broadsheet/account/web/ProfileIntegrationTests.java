package news.broadsheet.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.shared.Actor;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ProfileIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    Authors authors;

    @Test
    void showsTheBylineTheAccountWritesAsWithALinkToItsPage() {
        Account reporter = newsroom.staff(Role.REPORTER);
        StaffClient staff = StaffClient.signIn(http, reporter.username(), Newsroom.PASSWORD);
        assertThat(staff.get("/admin/profile")
                        .page()
                        .select(".profile-section p")
                        .text())
                .contains("writes as no byline yet")
                .contains("Ask an editor");

        Author byline = newsroom.author("Rosa Quintero");
        authors.linkAccount(byline.id(), reporter.id(), Actor.SYSTEM);

        Document page = staff.get("/admin/profile").page();
        assertThat(page.selectFirst(".profile-section h2").text()).isEqualTo("Your byline");
        assertThat(page.select(".profile-section p").text()).startsWith("You write as Rosa Quintero");
        assertThat(page.select(".profile-section a").eachAttr("href")).containsExactly(byline.url());

        Account editor = newsroom.staff(Role.EDITOR);
        authors.linkAccount(newsroom.author("Ines Albers").id(), editor.id(), Actor.SYSTEM);
        Document editorsPage = StaffClient.signIn(http, editor.username(), Newsroom.PASSWORD)
                .get("/admin/profile")
                .page();
        assertThat(editorsPage.select(".profile-section a").eachAttr("href"))
                .as("editors may edit their own byline")
                .anyMatch(href -> href.matches("/admin/authors/\\d+/edit"));
    }

    @Test
    void everyRoleHasAProfilePageInTheNavigation() {
        for (Role role : Role.values()) {
            Account account = newsroom.staff(role);
            StaffClient staff = StaffClient.signIn(http, account.username(), Newsroom.PASSWORD);

            Document page = staff.get("/admin/profile").page();
            assertThat(page.selectFirst("h1").text()).isEqualTo("My profile");
            assertThat(page.selectFirst("#profile-username").text()).isEqualTo(account.username());
            assertThat(page.selectFirst("#display-name").val()).isEqualTo(account.displayName());
            assertThat(page.selectFirst("#email").val()).isEqualTo(account.email());
            assertThat(page.select(".admin-nav a[href=/admin/profile]").text()).isEqualTo("My profile");
        }
        assertThat(http.get("/admin/profile").status()).as("signed out").isEqualTo(302);
    }

    @Test
    void changesTheDisplayNameAndShowsItAtOnce() {
        Account reporter = newsroom.staff(Role.REPORTER);
        StaffClient staff = StaffClient.signIn(http, reporter.username(), Newsroom.PASSWORD);

        Http.Response saved =
                staff.post("/admin/profile", "displayName", "Rosa Quintero", "email", reporter.email(), "current", "");

        assertThat(saved.status()).isEqualTo(302);
        Document page = staff.get(saved.location()).page();
        assertThat(page.selectFirst(".notice").text()).isEqualTo("Your details have been saved.");
        assertThat(page.selectFirst("#display-name").val()).isEqualTo("Rosa Quintero");
        assertThat(page.selectFirst(".admin-bar__signout span").text()).startsWith("Rosa Quintero");
    }

    @Test
    void changingTheEmailAddressNeedsTheCurrentPasswordAndAFreeValidAddress() {
        Account reporter = newsroom.staff(Role.REPORTER);
        Account other = newsroom.staff(Role.EDITOR);
        StaffClient staff = StaffClient.signIn(http, reporter.username(), Newsroom.PASSWORD);

        Http.Response noPassword =
                staff.post("/admin/profile", "displayName", "Kept Name", "email", "new@example.net", "current", "");
        assertThat(noPassword.status()).isEqualTo(422);
        assertThat(noPassword.page().selectFirst("#email-current-error").text())
                .contains("current password to change your e-mail address");
        assertThat(noPassword.page().selectFirst("#email").val()).isEqualTo("new@example.net");
        assertThat(noPassword.page().selectFirst("#display-name").val()).isEqualTo("Kept Name");

        Http.Response invalid = staff.post(
                "/admin/profile", "displayName", "Kept Name", "email", "not-an-address", "current", Newsroom.PASSWORD);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.page().selectFirst("#email-error").text()).isEqualTo("Please enter a valid email address.");

        Http.Response taken = staff.post(
                "/admin/profile",
                "displayName",
                "Kept Name",
                "email",
                other.email().toUpperCase(java.util.Locale.ROOT),
                "current",
                Newsroom.PASSWORD);
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.page().selectFirst("#email-error").text())
                .isEqualTo("Another account already uses that e-mail address.");

        Http.Response blankName =
                staff.post("/admin/profile", "displayName", "  ", "email", reporter.email(), "current", "");
        assertThat(blankName.status()).isEqualTo(422);
        assertThat(blankName.page().selectFirst("#display-name-error").text()).contains("Please enter a name");

        String fresh = Newsroom.unique("fresh") + "@example.net";
        Http.Response saved =
                staff.post("/admin/profile", "displayName", "Kept Name", "email", fresh, "current", Newsroom.PASSWORD);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(staff.get("/admin/profile").page().selectFirst("#email").val())
                .isEqualTo(fresh);
    }

    @Test
    void passwordChangeEndsOtherSessionsButKeepsThisOne() {
        Account editor = newsroom.staff(Role.EDITOR);
        StaffClient here = StaffClient.signIn(http, editor.username(), Newsroom.PASSWORD);
        StaffClient elsewhere = StaffClient.signIn(http, editor.username(), Newsroom.PASSWORD);

        Http.Response changed = here.post(
                "/admin/profile/password",
                "current",
                Newsroom.PASSWORD,
                "replacement",
                "a replacement phrase",
                "confirmation",
                "a replacement phrase");

        assertThat(changed.status()).isEqualTo(302);
        assertThat(changed.location()).isEqualTo("/admin/profile?done=password");
        Http.Response after = here.get(changed.location());
        assertThat(after.status()).as("this browser stays signed in").isEqualTo(200);
        assertThat(after.page().selectFirst(".notice").text()).contains("other sign-ins have ended");
        assertThat(elsewhere.get("/admin").status())
                .as("the other session ended")
                .isEqualTo(302);
        assertThat(StaffClient.signIn(http, editor.username(), "a replacement phrase"))
                .isNotNull();
    }

    @Test
    void refusedPasswordChangeSaysWhyOnTheProfilePage() {
        Account editor = newsroom.staff(Role.EDITOR);
        StaffClient staff = StaffClient.signIn(http, editor.username(), Newsroom.PASSWORD);

        Http.Response mismatch = staff.post(
                "/admin/profile/password",
                "current",
                Newsroom.PASSWORD,
                "replacement",
                "a replacement phrase",
                "confirmation",
                "another phrase entirely");

        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.page().selectFirst("#confirmation-error").text())
                .isEqualTo("The two new passwords do not match.");
        assertThat(mismatch.page().selectFirst("#display-name").val()).isEqualTo(editor.displayName());
        assertThat(staff.get("/admin/account/password").location()).isEqualTo("/admin/profile#password");
    }

    @Test
    void profileFormsNeedACsrfToken() {
        Account editor = newsroom.staff(Role.EDITOR);
        StaffClient staff = StaffClient.signIn(http, editor.username(), Newsroom.PASSWORD);

        assertThat(staff.postWithoutCsrf("/admin/profile", "displayName", "Sneaky", "email", editor.email())
                        .status())
                .isEqualTo(403);
        assertThat(staff.get("/admin/profile")
                        .page()
                        .selectFirst("#display-name")
                        .val())
                .isEqualTo(editor.displayName());
    }
}
