package news.broadsheet.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.broadsheet.account.Account;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.RawHttp;
import news.broadsheet.support.StaffClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Paths that spell {@code /admin} or {@code /api} another way (encoded slashes and letters,
 * backslashes, dot segments, doubled slashes) reach nothing the plain path protects: the answer is a
 * way to sign in, a refusal or nothing found, never the protected page or data.
 */
@IntegrationTest
class EncodedPathAccessIntegrationTests {

    private static final List<String> USER_LIST_PATHS = List.of(
            "/admin%2Fusers",
            "/admin%2fusers",
            "/admin%5Cusers",
            "/admin%5cusers",
            "/admin\\users",
            "/%61dmin/users",
            "/%61%64%6d%69%6e/users",
            "/admin/./users",
            "/admin/%2e/users",
            "/admin//users",
            "//admin/users",
            "/admin/users/",
            "/admin/x/../users",
            "/admin/x/%2e%2e/users",
            "/admin;x=y/users",
            "/admin/users;jsessionid=x",
            "/ADMIN/users",
            "/admin%252Fusers",
            "/assets/..%2Fadmin/users",
            "/admin%00/users");

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @LocalServerPort
    int port;

    @Test
    void otherSpellingsOfAdminPathsShowNothingToStrangers() {
        Account admin = newsroom.staff(Role.ADMIN);
        for (String path : USER_LIST_PATHS) {
            RawHttp.Answer answer = RawHttp.get(port, path, "");
            assertRefused(path, answer, admin.username());
        }
    }

    @Test
    void otherSpellingsOfApiPathsShowNoDraftToStrangers() {
        String headline = Newsroom.unique("Unpublished scoop");
        long draft = newsroom.article(newsroom.section("Courts"), newsroom.author("Lea Bench"))
                .headline(headline)
                .status(ArticleStatus.DRAFT)
                .create();
        for (String path : List.of(
                "/api/v1/articles%2F" + draft + "%2Fdraft",
                "/api/v1/articles%2f" + draft + "%2fdraft",
                "/api/v1/articles%5C" + draft + "%5Cdraft",
                "/api/v1/articles/" + draft + "/./draft",
                "/api/v1/articles//" + draft + "/draft",
                "/api/v1/articles/" + draft + "/draft/",
                "/%61pi/v1/articles/" + draft + "/draft",
                "/api/v1/articles/" + draft + "/x/../draft",
                "/api/v1/articles/" + draft + ";x=y/draft",
                "/api/v1/articles/" + draft + "/%64raft",
                "/api/v1/articles/" + draft)) {
            RawHttp.Answer answer = RawHttp.get(port, path, "Accept: application/json\r\n");
            assertRefused(path, answer, headline);
        }
    }

    @Test
    void otherSpellingsOfAdminPathsShowAReporterNoUserList() {
        Account admin = newsroom.staff(Role.ADMIN);
        StaffClient reporter =
                StaffClient.signIn(http, newsroom.staff(Role.REPORTER).username(), Newsroom.PASSWORD);
        assertThat(reporter.get("/admin/users").status()).as("the plain path").isIn(403, 404);
        for (String path :
                List.of("/admin%2Fusers", "/admin%2fusers", "/admin%5Cusers", "/admin/./users", "/admin//users")) {
            // The raw path goes past java.net.URI, which would refuse or tidy it; the session goes along.
            Http.Response answer = reporter.get(path.replace("\\", "%5C"));
            assertThat(answer.status()).as(path).isNotEqualTo(200).isLessThan(500);
            assertThat(answer.body()).as(path).doesNotContain(admin.username());
        }
    }

    private static void assertRefused(String path, RawHttp.Answer answer, String secret) {
        assertThat(answer.status()).as(path).isIn(301, 302, 303, 400, 401, 403, 404, 405);
        if (answer.status() / 100 == 3) {
            assertThat(answer.head()).as(path).containsIgnoringCase("Location:");
        }
        assertThat(answer.body()).as(path).doesNotContain(secret);
        assertThat(answer.body()).as(path).doesNotContain("Exception", "at java.", "at org.springframework");
    }
}
