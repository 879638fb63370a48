package news.broadsheet.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import news.broadsheet.support.CommandRun;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.SharedTestData;
import news.broadsheet.support.TestDatabase;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: a Broadsheet export imported into an empty Broadsheet gives back every story, page,
 * section, tag, byline and comment. A WordPress export is imported into a fresh database A (the
 * {@code import-wordpress} command, as an operator runs it), A is exported ({@code
 * export-wordpress}), and that export is imported into a second fresh database B. A and B are then
 * compared field by field in SQL, by natural keys (slugs, paths), since ids may differ.
 */
class WordPressRoundTripIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void ourOwnFixtureRoundTripsFieldByField() throws Exception {
        String key = Newsroom.unique("roundtrip");
        Path source = WxrFixture.write(temp, "source.xml", WxrFixture.xml(key, true));
        roundTrip(source, 5);
    }

    @Test
    void theSharedWordPressExportRoundTripsFieldByField() throws Exception {
        Path source = SharedTestData.require("wxr/cc-labs-wordpress.xml");
        roundTrip(source, 1);
    }

    @Test
    void whatOnlyBroadsheetHoldsRoundTripsToo() throws Exception {
        String key = Newsroom.unique("own");
        Path source = WxrFixture.write(temp, "own.xml", WxrFixture.broadsheetXml(key));
        Map<String, List<String>> a = roundTrip(source, 1);
        // Database A holds every field WordPress has no place for, so the comparison is not vacuous.
        assertThat(a.get("stories"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("embargo_until=2064294000000")
                .contains("expires_at=2087942400000")
                .contains("seo_title=Grey seals back on the estuary sandbank")
                .contains("created_at=1772298300250")
                .contains("published_at=1772344800500");
        assertThat(a.get("story bylines"))
                .containsExactly(
                        "slug=seals-" + key + " | position=0 | slug=odile-" + key + " | name=Odile Marsh",
                        "slug=seals-" + key + " | position=1 | slug=rua-" + key + " | name=Rua Fenwick");
        assertThat(a.get("story extra sections")).singleElement().asString().contains("wildlife-" + key);
        assertThat(a.get("corrections")).hasSize(2);
        assertThat(a.get("comments"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .containsPattern("featured=(1|t|true) ")
                .contains("created_at=1772352000125");
        assertThat(a.get("pages"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("body_format=markdown")
                .containsPattern("in_footer=(1|t|true) ")
                .contains("footer_position=4")
                .contains("description=Our rules for reporting on wild animals.");
    }

    /** Runs the round trip and compares; returns what database A held. */
    private Map<String, List<String>> roundTrip(Path source, int atLeastStories) throws Exception {
        Map<String, Object> a = TestDatabase.create(temp.resolve("a"));
        Map<String, Object> b = TestDatabase.create(temp.resolve("b"));
        try {
            run(a, "import-wordpress", source.toString());
            Path exported = temp.resolve("exported.xml");
            run(a, "export-wordpress", exported.toString());
            run(b, "import-wordpress", exported.toString());

            Map<String, List<String>> contentA = content(a);
            Map<String, List<String>> contentB = content(b);
            assertThat(contentA.get("stories")).hasSizeGreaterThanOrEqualTo(atLeastStories);
            SoftAssertions softly = new SoftAssertions();
            for (String table : contentA.keySet()) {
                softly.assertThat(contentB.get(table))
                        .as("%s after import → export → import", table)
                        .containsExactlyElementsOf(contentA.get(table));
            }
            softly.assertAll();
            return contentA;
        } finally {
            TestDatabase.drop(a);
            TestDatabase.drop(b);
        }
    }

    /** Runs a command as {@code java -jar broadsheet.jar ...} would, on the given database; it must succeed. */
    private static void run(Map<String, Object> database, String... args) {
        CommandRun.Result run = CommandRun.on(database, args);
        assertThat(run.status())
                .as("%s\n%s\n%s", String.join(" ", args), run.out(), run.err())
                .isZero();
    }

    /** Everything the criterion names, as sorted lines of natural keys and fields. */
    private static Map<String, List<String>> content(Map<String, Object> database) throws SQLException {
        Map<String, List<String>> content = new TreeMap<>();
        try (Connection c = TestDatabase.dataSource(database).getConnection()) {
            content.put("stories", rows(c, """
                            SELECT a.slug, a.headline, a.standfirst, a.body_markdown, a.status, a.published_at,
                                   a.embargo_until, a.expires_at, a.comments_open, a.seo_title, a.seo_description,
                                   a.created_at, a.updated_at, s.path
                            FROM article a JOIN section s ON s.id = a.section_id"""));
            content.put("story tags", rows(c, """
                            SELECT a.slug, t.slug FROM article_tag x
                            JOIN article a ON a.id = x.article_id JOIN tag t ON t.id = x.tag_id"""));
            content.put("story extra sections", rows(c, """
                            SELECT a.slug, s.path FROM article_section x
                            JOIN article a ON a.id = x.article_id JOIN section s ON s.id = x.section_id"""));
            content.put("story bylines", rows(c, """
                            SELECT a.slug, x.position, w.slug, w.name FROM article_author x
                            JOIN article a ON a.id = x.article_id JOIN author w ON w.id = x.author_id"""));
            content.put(
                    "pages",
                    rows(
                            c,
                            "SELECT slug, title, description, body_format, body_source, status, published_at,"
                                    + " in_footer, footer_position FROM page"));
            content.put("corrections", rows(c, """
                            SELECT a.slug, x.kind, x.body, x.published_at FROM article_correction x
                            JOIN article a ON a.id = x.article_id"""));
            content.put("sections", rows(c, """
                            SELECT s.path, s.slug, s.name, s.description, p.path FROM section s
                            LEFT JOIN section p ON p.id = s.parent_id"""));
            content.put("tags", rows(c, "SELECT slug, name FROM tag"));
            content.put("bylines", rows(c, "SELECT slug, name, bio, job_title, website FROM author"));
            content.put("comments", rows(c, """
                            SELECT a.slug, m.author_name, m.author_email, m.body, m.status, m.created_at, m.featured,
                                   p.author_name, p.created_at
                            FROM comment m JOIN article a ON a.id = m.article_id
                            LEFT JOIN comment p ON p.id = m.parent_id"""));
        }
        return content;
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    fields.add(meta.getColumnLabel(i) + "=" + rs.getString(i));
                }
                rows.add(String.join(" | ", fields));
            }
        }
        rows.sort(null);
        return rows;
    }
}
