package news.broadsheet.article.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.StoryCursor;
import news.broadsheet.article.Tag;
import news.broadsheet.shared.SqlValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for articles and the tables hanging off them. Times are stored as epoch milliseconds (UTC)
 * so the same statements and migrations serve SQLite and PostgreSQL.
 */
@Repository
public class ArticleRepository {

    private static final String COLUMNS =
            "a.id, a.slug, a.headline, a.standfirst, a.body_html, a.section_id, a.status, a.published_at,"
                    + " a.updated_at, a.comments_open";

    /**
     * The one definition of "a reader may see this article": published, or scheduled, once its
     * time has come. A scheduled story goes live on the minute even before anything updates its
     * status.
     */
    private static final String LIVE = "a.status IN ('published', 'scheduled') AND a.published_at <= :now";

    private static final RowMapper<ArticleRow> ROW = (rs, n) -> {
        Long published = SqlValues.nullableLong(rs, "published_at");
        return new ArticleRow(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("headline"),
                rs.getString("standfirst"),
                rs.getString("body_html"),
                rs.getLong("section_id"),
                ArticleStatus.fromDb(rs.getString("status")),
                published == null ? null : Instant.ofEpochMilli(published),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                rs.getBoolean("comments_open"));
    };

    private final JdbcClient jdbc;

    ArticleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ArticleRow> findLiveBySlug(String slug, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM article a WHERE a.slug = :slug AND " + LIVE)
                .param("slug", slug)
                .param("now", now.toEpochMilli())
                .query(ROW)
                .optional();
    }

    public Optional<ArticleRow> findLiveById(long id, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM article a WHERE a.id = :id AND " + LIVE)
                .param("id", id)
                .param("now", now.toEpochMilli())
                .query(ROW)
                .optional();
    }

    public Optional<ArticleRow> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM article a WHERE a.id = :id")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    public Optional<Long> findArticleIdByRetiredSlug(String slug) {
        return jdbc.sql("SELECT article_id FROM article_retired_slug WHERE slug = ?")
                .param(slug)
                .query(Long.class)
                .optional();
    }

    /** Newest live articles, optionally in some sections, starting after a cursor. */
    public List<ArticleRow> findLive(
            @Nullable Collection<Long> sectionIds, @Nullable StoryCursor after, int limit, Instant now) {
        return findLiveWhere(sectionIds == null ? "" : "a.section_id IN (:sections)", sectionIds, after, limit, now);
    }

    public List<ArticleRow> findLiveByTag(long tagId, @Nullable StoryCursor after, int limit, Instant now) {
        return findLiveWhere(
                "a.id IN (SELECT article_id FROM article_tag WHERE tag_id = :filter)", tagId, after, limit, now);
    }

    public List<ArticleRow> findLiveByAuthor(long authorId, @Nullable StoryCursor after, int limit, Instant now) {
        return findLiveWhere(
                "a.id IN (SELECT article_id FROM article_author WHERE author_id = :filter)",
                authorId,
                after,
                limit,
                now);
    }

    private List<ArticleRow> findLiveWhere(
            String filter, @Nullable Object filterValue, @Nullable StoryCursor after, int limit, Instant now) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM article a WHERE " + LIVE);
        if (!filter.isEmpty()) {
            sql.append(" AND ").append(filter);
        }
        if (after != null) {
            // Row-value comparison keeps the (published_at, id) index usable on both databases.
            sql.append(" AND (a.published_at, a.id) < (:afterTime, :afterId)");
        }
        sql.append(" ORDER BY a.published_at DESC, a.id DESC LIMIT :limit");
        var statement =
                jdbc.sql(sql.toString()).param("now", now.toEpochMilli()).param("limit", limit);
        if (filter.contains(":sections")) {
            statement = statement.param("sections", filterValue);
        } else if (filter.contains(":filter")) {
            statement = statement.param("filter", filterValue);
        }
        if (after != null) {
            statement = statement
                    .param("afterTime", after.publishedAt().toEpochMilli())
                    .param("afterId", after.id());
        }
        return statement.query(ROW).list();
    }

    /** Author ids per article, in byline order. */
    public Map<Long, List<Long>> findAuthorIds(Collection<Long> articleIds) {
        Map<Long, List<Long>> byArticle = new LinkedHashMap<>();
        if (articleIds.isEmpty()) {
            return byArticle;
        }
        jdbc.sql("SELECT article_id, author_id FROM article_author WHERE article_id IN (:ids)"
                        + " ORDER BY article_id, position")
                .param("ids", articleIds)
                .query((RowCallbackHandler) rs -> byArticle
                        .computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
                        .add(rs.getLong("author_id")));
        return byArticle;
    }

    public List<Tag> findTags(long articleId) {
        return jdbc.sql("SELECT t.id, t.slug, t.name FROM tag t JOIN article_tag at ON at.tag_id = t.id"
                        + " WHERE at.article_id = ? ORDER BY t.slug")
                .param(articleId)
                .query((rs, n) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
                .list();
    }

    public Optional<Tag> findTagBySlug(String slug) {
        return jdbc.sql("SELECT id, slug, name FROM tag WHERE slug = ?")
                .param(slug)
                .query((rs, n) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
                .optional();
    }

    public long insertArticle(
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
            boolean commentsOpen) {
        return jdbc.sql("""
                        INSERT INTO article (slug, headline, standfirst, body_markdown, body_html, section_id,
                            status, published_at, created_at, updated_at, comments_open)
                        VALUES (:slug, :headline, :standfirst, :markdown, :html, :section,
                            :status, :published, :created, :updated, :commentsOpen)
                        RETURNING id""")
                .param("slug", slug)
                .param("headline", headline)
                .param("standfirst", standfirst)
                .param("markdown", bodyMarkdown)
                .param("html", bodyHtml)
                .param("section", sectionId)
                .param("status", status.dbValue())
                .param("published", publishedAt == null ? null : publishedAt.toEpochMilli(), java.sql.Types.BIGINT)
                .param("created", createdAt.toEpochMilli())
                .param("updated", updatedAt.toEpochMilli())
                .param("commentsOpen", commentsOpen)
                .query(Long.class)
                .single();
    }

    public void insertAuthor(long articleId, long authorId, int position) {
        jdbc.sql("INSERT INTO article_author (article_id, author_id, position) VALUES (?, ?, ?)")
                .params(articleId, authorId, position)
                .update();
    }

    /** The tag with this slug, created with this name if it does not exist yet. */
    public long tagId(String slug, String name) {
        jdbc.sql("INSERT INTO tag (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING")
                .params(slug, name)
                .update();
        return jdbc.sql("SELECT id FROM tag WHERE slug = ?")
                .param(slug)
                .query(Long.class)
                .single();
    }

    public void insertTag(long articleId, long tagId) {
        jdbc.sql("INSERT INTO article_tag (article_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(articleId, tagId)
                .update();
    }

    public boolean slugTaken(String slug) {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE slug = ?")
                                .param(slug)
                                .query(Integer.class)
                                .single()
                        > 0
                || findArticleIdByRetiredSlug(slug).isPresent();
    }

    /** Gives the article a new slug; the old one keeps redirecting to it. */
    public void changeSlug(long articleId, String oldSlug, String newSlug, Instant now) {
        jdbc.sql("DELETE FROM article_retired_slug WHERE slug = ?")
                .param(newSlug)
                .update();
        jdbc.sql("INSERT INTO article_retired_slug (slug, article_id, retired_at) VALUES (?, ?, ?)")
                .params(oldSlug, articleId, now.toEpochMilli())
                .update();
        jdbc.sql("UPDATE article SET slug = ?, version = version + 1 WHERE id = ?")
                .params(newSlug, articleId)
                .update();
    }

    public void setCommentsOpen(long articleId, boolean open) {
        jdbc.sql("UPDATE article SET comments_open = ?, version = version + 1 WHERE id = ?")
                .params(open, articleId)
                .update();
    }

    public long countAll() {
        return jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single();
    }
}
