package news.broadsheet.article.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.broadsheet.article.ArchivedArticle;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.Correction;
import news.broadsheet.article.Tag;
import news.broadsheet.shared.SqlValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL behind {@link news.broadsheet.article.ArticleArchive}: a page of stories and what hangs off them, in five queries. */
@Repository
public class ArticleArchiveRepository {

    private final JdbcClient jdbc;

    ArticleArchiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long findMaxArticleId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM article")
                .query(Long.class)
                .single();
    }

    public List<Tag> findTags(long afterId, int limit) {
        return jdbc.sql("SELECT id, slug, name FROM tag WHERE id > :after ORDER BY id LIMIT :limit")
                .param("after", afterId)
                .param("limit", limit)
                .query((rs, n) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
                .list();
    }

    public List<ArchivedArticle> findArticles(long afterId, long upToId, int limit) {
        List<Row> rows = jdbc.sql("""
                        SELECT id, slug, headline, standfirst, body_markdown, body_html, section_id, status,
                            published_at, created_at, updated_at, embargo_until, expires_at, comments_open,
                            seo_title, seo_description, lead_image_id
                        FROM article WHERE id > :after AND id <= :upTo ORDER BY id LIMIT :limit""")
                .param("after", afterId)
                .param("upTo", upToId)
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<Long>> authors = new HashMap<>();
        jdbc.sql("SELECT article_id, author_id FROM article_author WHERE article_id IN (:ids)"
                        + " ORDER BY article_id, position")
                .param("ids", ids)
                .query((RowCallbackHandler)
                        rs -> authors.computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
                                .add(rs.getLong("author_id")));
        Map<Long, List<Long>> sections = new HashMap<>();
        jdbc.sql("SELECT article_id, section_id FROM article_section WHERE article_id IN (:ids)"
                        + " ORDER BY article_id, section_id")
                .param("ids", ids)
                .query((RowCallbackHandler)
                        rs -> sections.computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
                                .add(rs.getLong("section_id")));
        Map<Long, List<Tag>> tags = new HashMap<>();
        jdbc.sql("SELECT at.article_id, t.id, t.slug, t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id"
                        + " WHERE at.article_id IN (:ids) ORDER BY at.article_id, t.slug")
                .param("ids", ids)
                .query((RowCallbackHandler) rs -> tags.computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
                        .add(new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))));
        Map<Long, List<Correction>> corrections = new HashMap<>();
        jdbc.sql("SELECT article_id, kind, body, published_at FROM article_correction WHERE article_id IN (:ids)"
                        + " ORDER BY article_id, published_at, id")
                .param("ids", ids)
                .query((RowCallbackHandler) rs -> corrections
                        .computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
                        .add(new Correction(
                                rs.getLong("article_id"),
                                rs.getString("kind"),
                                rs.getString("body"),
                                Instant.ofEpochMilli(rs.getLong("published_at")))));
        return rows.stream()
                .map(r -> new ArchivedArticle(
                        r.id(),
                        r.slug(),
                        r.headline(),
                        r.standfirst(),
                        r.bodyMarkdown(),
                        r.bodyHtml(),
                        r.sectionId(),
                        List.copyOf(sections.getOrDefault(r.id(), List.of())),
                        List.copyOf(authors.getOrDefault(r.id(), List.of())),
                        List.copyOf(tags.getOrDefault(r.id(), List.of())),
                        r.status(),
                        r.publishedAt(),
                        r.createdAt(),
                        r.updatedAt(),
                        r.embargoUntil(),
                        r.expiresAt(),
                        r.commentsOpen(),
                        r.seoTitle(),
                        r.seoDescription(),
                        r.leadImageId(),
                        List.copyOf(corrections.getOrDefault(r.id(), List.of())),
                        null))
                .toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("headline"),
                rs.getString("standfirst"),
                rs.getString("body_markdown"),
                rs.getString("body_html"),
                rs.getLong("section_id"),
                ArticleStatus.fromDb(rs.getString("status")),
                instant(SqlValues.nullableLong(rs, "published_at")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                instant(SqlValues.nullableLong(rs, "embargo_until")),
                instant(SqlValues.nullableLong(rs, "expires_at")),
                rs.getBoolean("comments_open"),
                rs.getString("seo_title"),
                rs.getString("seo_description"),
                SqlValues.nullableLong(rs, "lead_image_id"));
    }

    private static @Nullable Instant instant(@Nullable Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private record Row(
            long id,
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
            @Nullable Instant embargoUntil,
            @Nullable Instant expiresAt,
            boolean commentsOpen,
            @Nullable String seoTitle,
            @Nullable String seoDescription,
            @Nullable Long leadImageId) {}
}
