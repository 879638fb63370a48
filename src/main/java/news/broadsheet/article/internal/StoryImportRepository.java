package news.broadsheet.article.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.shared.BatchInsert;
import news.broadsheet.shared.InLists;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for taking in many stories at once (an import): each statement carries a whole batch, as a
 * hundred thousand stories sent one statement at a time spend their time in round trips.
 */
@Repository
class StoryImportRepository {

    /** A story row as it is inserted. */
    record StoryRow(
            String slug,
            String headline,
            String standfirst,
            String bodyMarkdown,
            String bodyHtml,
            long sectionId,
            ArticleStatus status,
            @Nullable Instant publishedAt,
            Instant createdAt,
            Instant updatedAt,
            boolean commentsOpen,
            @Nullable Long createdBy,
            @Nullable String seoTitle,
            @Nullable String seoDescription,
            @Nullable Long leadImageId,
            @Nullable Instant embargoUntil,
            @Nullable Instant expiresAt,
            @Nullable Instant statusChangedAt,
            int version) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    StoryImportRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Of these slugs, those a story has or once had. */
    Set<String> takenSlugs(Collection<String> slugs) {
        Set<String> taken = new HashSet<>();
        for (List<String> chunk : InLists.chunks(new HashSet<>(slugs))) {
            taken.addAll(jdbc.sql("SELECT slug FROM article WHERE slug IN (:slugs)"
                            + " UNION SELECT slug FROM article_retired_slug WHERE slug IN (:slugs)")
                    .param("slugs", chunk)
                    .query(String.class)
                    .list());
        }
        return taken;
    }

    /** A story's headline, standfirst and body as stored, or as a revision kept them. */
    record Text(String headline, String standfirst, String bodyMarkdown) {

        /** As a story stores it: headline and standfirst without surrounding spaces. */
        Text stripped() {
            return new Text(headline.strip(), standfirst.strip(), bodyMarkdown);
        }
    }

    /** A revision's note and the text it kept. */
    record Revised(String note, Text text) {}

    /** The current text of each of these stories that still exists. */
    Map<Long, Text> texts(Collection<Long> ids) {
        Map<Long, Text> texts = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(new HashSet<>(ids))) {
            jdbc.sql("SELECT id, headline, standfirst, body_markdown FROM article WHERE id IN (:ids)")
                    .param("ids", chunk)
                    .query((rs, n) ->
                            Map.entry(rs.getLong(1), new Text(rs.getString(2), rs.getString(3), rs.getString(4))))
                    .list()
                    .forEach(e -> texts.put(e.getKey(), e.getValue()));
        }
        return texts;
    }

    /** The latest revision of each of these stories (of those with one of these notes, when given). */
    Map<Long, Revised> latestRevisions(Collection<Long> ids, @Nullable Set<String> notes) {
        Map<Long, Revised> revisions = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(new HashSet<>(ids))) {
            var statement = jdbc.sql("SELECT r.article_id, r.note, r.headline, r.standfirst, r.body_markdown"
                            + " FROM article_revision r WHERE r.article_id IN (:ids)"
                            + (notes == null ? "" : " AND r.note IN (:notes)")
                            + " AND r.version = (SELECT MAX(v.version) FROM article_revision v"
                            + " WHERE v.article_id = r.article_id"
                            + (notes == null ? "" : " AND v.note IN (:notes)") + ")")
                    .param("ids", chunk);
            if (notes != null) {
                statement = statement.param("notes", List.copyOf(notes));
            }
            statement
                    .query((rs, n) -> Map.entry(
                            rs.getLong(1),
                            new Revised(rs.getString(2), new Text(rs.getString(3), rs.getString(4), rs.getString(5)))))
                    .list()
                    .forEach(e -> revisions.put(e.getKey(), e.getValue()));
        }
        return revisions;
    }

    /** Inserts the stories; their ids in order. */
    List<Long> insertStories(List<StoryRow> rows) {
        return BatchInsert.returningIds(template, """
                INSERT INTO article (slug, headline, standfirst, body_markdown, body_html, section_id, status,
                    published_at, created_at, updated_at, comments_open, created_by, seo_title, seo_description,
                    lead_image_id, embargo_until, expires_at, status_changed_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, (statement, row) -> {
            statement.setString(1, row.slug());
            statement.setString(2, row.headline());
            statement.setString(3, row.standfirst());
            statement.setString(4, row.bodyMarkdown());
            statement.setString(5, row.bodyHtml());
            statement.setLong(6, row.sectionId());
            statement.setString(7, row.status().dbValue());
            setTime(statement, 8, row.publishedAt());
            statement.setLong(9, row.createdAt().toEpochMilli());
            statement.setLong(10, row.updatedAt().toEpochMilli());
            statement.setBoolean(11, row.commentsOpen());
            setLong(statement, 12, row.createdBy());
            statement.setString(13, row.seoTitle());
            statement.setString(14, row.seoDescription());
            setLong(statement, 15, row.leadImageId());
            setTime(statement, 16, row.embargoUntil());
            setTime(statement, 17, row.expiresAt());
            setTime(statement, 18, row.statusChangedAt());
            statement.setInt(19, row.version());
        });
    }

    /** Bylines: (article, author, position) rows. */
    void insertAuthors(List<Object[]> rows) {
        template.batchUpdate("INSERT INTO article_author (article_id, author_id, position) VALUES (?, ?, ?)", rows);
    }

    /** Extra sections: (article, section) rows. */
    void insertExtraSections(List<Object[]> rows) {
        template.batchUpdate("INSERT INTO article_section (article_id, section_id) VALUES (?, ?)", rows);
    }

    /** Tags: (article, tag) rows. */
    void insertTags(List<Object[]> rows) {
        template.batchUpdate("INSERT INTO article_tag (article_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING", rows);
    }

    /**
     * The tag for each slug, created with its name where none exists; a slug a tag has left leads
     * to that tag, as one at a time does ({@link ArticleRepository#tagId}).
     */
    Map<String, Long> tagIds(Map<String, String> namesBySlug) {
        Map<String, Long> ids = new HashMap<>();
        List<String> slugs = List.copyOf(namesBySlug.keySet());
        for (List<String> chunk : InLists.chunks(slugs)) {
            jdbc.sql("SELECT slug, id FROM tag WHERE slug IN (:slugs)")
                    .param("slugs", chunk)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .list()
                    .forEach(e -> ids.put(e.getKey(), e.getValue()));
            // Retired slugs win, as a tag that moved keeps its old address.
            jdbc.sql("SELECT slug, tag_id FROM tag_retired_slug WHERE slug IN (:slugs)")
                    .param("slugs", chunk)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .list()
                    .forEach(e -> ids.put(e.getKey(), e.getValue()));
        }
        List<String> missing =
                slugs.stream().filter(slug -> !ids.containsKey(slug)).toList();
        if (!missing.isEmpty()) {
            List<Object[]> rows = new ArrayList<>();
            missing.forEach(slug -> rows.add(new Object[] {slug, namesBySlug.get(slug)}));
            template.batchUpdate("INSERT INTO tag (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING", rows);
            for (List<String> chunk : InLists.chunks(missing)) {
                jdbc.sql("SELECT slug, id FROM tag WHERE slug IN (:slugs)")
                        .param("slugs", chunk)
                        .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                        .list()
                        .forEach(e -> ids.put(e.getKey(), e.getValue()));
            }
        }
        return ids;
    }

    /** Corrections: (article, kind, body, published at, created by) rows. */
    void insertCorrections(List<Object[]> rows) {
        template.batchUpdate(
                "INSERT INTO article_correction (article_id, kind, body, published_at, created_by)"
                        + " VALUES (?, ?, ?, ?, ?)",
                rows,
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT});
    }

    /**
     * First revisions: (article, version, slug, headline, standfirst, Markdown, section, search
     * title, search description, saved by, saved by name, saved at, note) rows.
     */
    void insertRevisions(List<Object[]> rows) {
        template.batchUpdate("""
                INSERT INTO article_revision (article_id, version, slug, headline, standfirst, body_markdown,
                    section_id, seo_title, seo_description, saved_by, saved_by_name, saved_at, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, new int[] {
            Types.BIGINT,
            Types.INTEGER,
            Types.VARCHAR,
            Types.VARCHAR,
            Types.VARCHAR,
            Types.VARCHAR,
            Types.BIGINT,
            Types.VARCHAR,
            Types.VARCHAR,
            Types.BIGINT,
            Types.VARCHAR,
            Types.BIGINT,
            Types.VARCHAR
        });
    }

    private static void setLong(PreparedStatement statement, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static void setTime(PreparedStatement statement, int index, @Nullable Instant value) throws SQLException {
        setLong(statement, index, value == null ? null : value.toEpochMilli());
    }
}
