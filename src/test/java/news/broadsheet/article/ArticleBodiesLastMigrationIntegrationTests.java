package news.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.broadsheet.site.MigrationDialect;
import news.broadsheet.support.ChildApplication;
import news.broadsheet.support.CommandRun;
import news.broadsheet.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrading a site across V41, which on SQLite moves a story's two bodies to the end of its row:
 * on a database written at version 40, every story, byline and revision comes through unchanged,
 * on either database, and on SQLite the bodies are the last columns. On SQLite the upgrade is also
 * run as an operator runs it, by starting the application on the old file, which then compacts the
 * space the move freed. A command, which runs beside the site, leaves the upgrade to the site.
 */
class ArticleBodiesLastMigrationIntegrationTests {

    @TempDir
    Path scratch;

    private Map<String, Object> database;

    private DriverManagerDataSource dataSource;

    private JdbcClient jdbc;

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            TestDatabase.drop(database);
        }
    }

    @Test
    void storiesBylinesAndRevisionsComeThroughAndOnSqliteTheBodiesAreLast() throws SQLException {
        siteAtVersion40(3);
        List<Map<String, Object>> before = stories(jdbc);
        List<String> columnsBefore = columns(dataSource);

        flyway(dataSource).load().migrate();

        assertThat(stories(jdbc)).isEqualTo(before);
        assertThat(count(jdbc, "article_author")).isEqualTo(3);
        assertThat(count(jdbc, "article_revision")).isEqualTo(3);
        List<String> columns = columns(dataSource);
        assertThat(columns).containsExactlyInAnyOrderElementsOf(columnsBefore);
        if (TestDatabase.isPostgresql()) {
            // Long values are out of line there already; moving them would keep a hidden copy.
            assertThat(columns).isEqualTo(columnsBefore);
        } else {
            assertThat(columns.subList(columns.size() - 2, columns.size()))
                    .containsExactly("body_markdown", "body_html");
        }
        // Deleting a story still takes its byline with it.
        jdbc.sql("DELETE FROM article_revision WHERE article_id = 1").update();
        jdbc.sql("DELETE FROM article WHERE id = 1").update();
        assertThat(count(jdbc, "article_author")).isEqualTo(2);
    }

    @Test
    void startingTheApplicationOnAnOldSqliteFileMovesTheBodiesAndCompactsTheFile() throws Exception {
        assumeFalse(TestDatabase.isPostgresql(), "SQLite's file: PostgreSQL keeps long values out of line");
        // 8 MB of bodies: the move leaves about that much free, over the compaction's minimum.
        siteAtVersion40(200);
        // A node re-renders bodies saved before it recorded its renderer's version: all of these.
        List<Map<String, Object>> before = storiesButTheHtml(jdbc);

        String output = ChildApplication.runUntil(
                "Started BroadsheetApplication",
                "--broadsheet.data-dir=" + database.get("broadsheet.data-dir"),
                "--broadsheet.demo-content.enabled=false");

        assertThat(output)
                .contains("to version \"41 - article bodies last\"")
                .contains("Compacted the database after the migrations");
        assertThat(storiesButTheHtml(jdbc)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article WHERE body_html LIKE '<p>Crane%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(200);
        assertThat(columns(dataSource).getLast()).isEqualTo("body_html");
        assertThat(jdbc.sql("PRAGMA freelist_count").query(Long.class).single())
                .as("free pages left in the file")
                .isLessThan(100);
    }

    @Test
    void aCommandOnAnOldDatabaseLeavesTheUpgradeToTheSite() throws Exception {
        siteAtVersion40(3);
        List<Map<String, Object>> before = stories(jdbc);
        List<String> columnsBefore = columns(dataSource);

        // A backup runs beside the site: upgrading the database under it would hold its writers off,
        // and leave it running on a schema newer than its own.
        CommandRun.Result backup =
                CommandRun.on(database, "backup", scratch.resolve("backup").toString());

        assertThat(backup.status()).isEqualTo(1);
        assertThat(backup.err())
                .contains("The database is at schema version 40, older than this Broadsheet's (41")
                .contains("Upgrade the site first");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '41'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(columns(dataSource)).isEqualTo(columnsBefore);
        assertThat(stories(jdbc)).isEqualTo(before);
    }

    /** A database written at version 40 holding {@code stories} stories with 20,000-character bodies. */
    private void siteAtVersion40(int stories) throws SQLException {
        database = TestDatabase.create(scratch);
        dataSource = TestDatabase.dataSource(database);
        jdbc = JdbcClient.create(dataSource);
        flyway(dataSource).target("40").load().migrate();
        writeStories(jdbc, stories, 20_000);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DriverManagerDataSource dataSource)
            throws SQLException {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(MigrationDialect.placeholders(product));
    }

    /** Stories as they were written at version 40, each body {@code bodyLength} characters of its own. */
    private static void writeStories(JdbcClient jdbc, int count, int bodyLength) {
        jdbc.sql("INSERT INTO section (slug, name, description, path) VALUES ('harbour', 'Harbour', '', '/harbour')")
                .update();
        jdbc.sql("INSERT INTO author (slug, name, bio) VALUES ('ines-moreau', 'Ines Moreau', '')")
                .update();
        for (int i = 1; i <= count; i++) {
            String markdown = ("Crane " + i + " stood idle on the quay while the tide turned. ")
                    .repeat(bodyLength / 50)
                    .substring(0, bodyLength);
            jdbc.sql("""
                            INSERT INTO article (slug, headline, standfirst, body_markdown, body_html, section_id,
                                status, published_at, created_at, updated_at, lead_image_id, seo_title)
                            VALUES (:slug, :headline, 'The night shift', :markdown, :html, 1, 'published',
                                :at, :at, :at, NULL, :seo)""")
                    .param("slug", "crane-" + i)
                    .param("headline", "Crane " + i + " waits for the tide")
                    .param("markdown", markdown)
                    .param("html", "<p>" + markdown + "</p>")
                    .param("at", 1_790_000_000_000L + i)
                    .param("seo", i % 2 == 0 ? "Crane " + i : null)
                    .update();
            jdbc.sql("INSERT INTO article_author (article_id, author_id, position) VALUES (?, 1, 0)")
                    .param(i)
                    .update();
            jdbc.sql("""
                            INSERT INTO article_revision (article_id, version, slug, headline, standfirst,
                                body_markdown, section_id, saved_by_name, saved_at, note)
                            VALUES (?, 0, ?, 'Crane', 'The night shift', ?, 1, 'Ines Moreau', 1, 'first')""").params(i, "crane-" + i, markdown).update();
        }
    }

    /** Every column of every story, by name: the same before and after, whatever their order. */
    private static List<Map<String, Object>> stories(JdbcClient jdbc) {
        return jdbc.sql("SELECT * FROM article ORDER BY id").query().listOfRows();
    }

    /** The same without the rendered body, which a starting node renders again (see below). */
    private static List<Map<String, Object>> storiesButTheHtml(JdbcClient jdbc) {
        List<Map<String, Object>> stories = stories(jdbc);
        stories.forEach(story -> story.remove("body_html"));
        return stories;
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static List<String> columns(DriverManagerDataSource dataSource) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rs = metaData.getColumns(null, connection.getSchema(), "article", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return columns;
    }
}
