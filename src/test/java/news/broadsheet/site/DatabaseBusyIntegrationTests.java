package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import news.broadsheet.account.Role;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabase;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * When SQLite's write lock is held by someone else for longer than the application's patience (a
 * backup, a stuck script, a spike), writers are answered 503 with {@code Retry-After}, the comment
 * form keeps the reader's text, and nothing half-written is left; once the lock is free the same
 * request succeeds.
 */
@IntegrationTest(
        properties = {
            "broadsheet.comments.moderation=post",
            // Patience of 300 ms instead of 10 s, so the test does not wait long.
            "spring.datasource.url=jdbc:sqlite:${broadsheet.data-dir}/broadsheet.db?journal_mode=WAL"
                    + "&synchronous=FULL&foreign_keys=true&busy_timeout=300&transaction_mode=IMMEDIATE"
        })
class DatabaseBusyIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Value("${broadsheet.data-dir}")
    Path dataDir;

    @BeforeEach
    void onSqliteOnly() {
        assumeFalse(TestDatabase.isPostgresql(), "SQLite's file lock only: PostgreSQL writers wait for row locks");
    }

    @Test
    void writersGetServiceUnavailableWhileTheDatabaseIsLockedAndSucceedAfterwards() throws Exception {
        ArticleSummary story = newsroom.article(newsroom.section("Harbour"), newsroom.author("Ada Vale"))
                .publish();
        String token = StaffClient.signIn(http, newsroom.staff(Role.EDITOR).username(), Newsroom.PASSWORD)
                .createApiToken("busy", "", "comments:write");
        Http.Response first = http.postForm(
                "/articles/" + story.id() + "/comments",
                Http.form("name", "Ida Early", "body", "Posted before the lock."));
        assertThat(first.status()).isEqualTo(303);
        assertThat(first.location()).matches(".*comment=[a-z]+-\\d+.*");
        String commentId = first.location().replaceAll(".*comment=[a-z]+-(\\d+).*", "$1");

        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("broadsheet.db"));
                Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");

            Http.Response refused = http.postForm(
                    "/articles/" + story.id() + "/comments",
                    Http.form("name", "Noor Busy", "body", "The ferry timetable changed again."));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("2");
            Document form = refused.page();
            assertThat(form.text()).contains("could not save your comment");
            assertThat(form.selectFirst("textarea[name=body]").text()).isEqualTo("The ferry timetable changed again.");
            assertThat(form.selectFirst("input[name=name]").val()).isEqualTo("Noor Busy");

            Http.Response report = http.postForm("/comments/" + commentId + "/report", Http.form("reason", "spam"));
            assertThat(report.status()).as(report.body()).isEqualTo(503);
            assertThat(report.header("Retry-After")).isEqualTo("2");
            assertThat(report.page().text()).contains("Busy for a moment").doesNotContain("Exception");

            Http.Response api = apiComment(story, token, "Sent through the API while locked.");
            assertThat(api.status()).isEqualTo(503);
            assertThat(api.header("Retry-After")).isEqualTo("2");
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.body()).contains("nothing was saved");

            statement.execute("ROLLBACK");
        }

        assertThat(http.postForm(
                                "/articles/" + story.id() + "/comments",
                                Http.form("name", "Noor Busy", "body", "The ferry timetable changed again."))
                        .status())
                .isEqualTo(303);
        assertThat(apiComment(story, token, "Sent through the API afterwards.").status())
                .isEqualTo(201);
        String page = http.get(story.url()).body();
        assertThat(page)
                .contains("The ferry timetable changed again.")
                .contains("Sent through the API afterwards.")
                .doesNotContain("Sent through the API while locked.");
    }

    @Test
    void aSignInWhoseThrottleCannotWriteGetsServiceUnavailableNotAServerError() throws Exception {
        String editor = newsroom.staff(Role.EDITOR).username();
        Http browser = http.browser();
        String token = StaffClient.token(browser.get("/login"));

        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("broadsheet.db"));
                Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");

            Http.Response refused = browser.postForm(
                    "/login", Http.form("username", editor, "password", Newsroom.PASSWORD, "_csrf", token));
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("2");
            assertThat(refused.page().text()).contains("Busy for a moment").doesNotContain("Exception");

            statement.execute("ROLLBACK");
        }

        assertThat(StaffClient.signIn(http, editor, Newsroom.PASSWORD)).isNotNull();
    }

    private Http.Response apiComment(ArticleSummary story, String token, String body) {
        return http.send(
                HttpRequest.newBuilder()
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"" + body + "\"}")),
                "/api/v1/articles/" + story.id() + "/comments");
    }
}
