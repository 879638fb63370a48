package news.broadsheet.article.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.Tag;
import news.broadsheet.shared.Keyset;
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
                    + " a.updated_at, a.comments_open, a.lead_image_id, a.seo_title, a.seo_description";

    /**
     * The columns of a story in a list (search hits, fronts, section, tag and author pages): all but
     * its body, read only for its own page. A list's rows become summaries; reading ten bodies to
     * show ten headlines was most of what a search results page allocated.
     */
    private static final String LISTED_COLUMNS = COLUMNS.replace("a.body_html", "'' AS body_html");

    /**
     * The one definition of "a reader may see this article": published, or scheduled, once its
     * time has come, not under embargo and not expired. A scheduled story goes live on the minute,
     * before the scheduler updates its status; an expired one disappears on the minute too.
     */
    static final String LIVE = "a.status IN ('published', 'scheduled') AND a.published_at <= :now"
            + " AND (a.embargo_until IS NULL OR a.embargo_until <= :now)"
            + " AND (a.expires_at IS NULL OR a.expires_at > :now)";

    /**
     * {@link #LIVE} written so that no index serves it ({@code || ''}, {@code + 0}), for queries led
     * by another index: the newest update, the latest expiry. SQLite keeps no statistics here and
     * would otherwise read the live stories by status and sort them all (3 s at a million).
     */
    static final String LIVE_AS_FILTER = "a.status || '' IN ('published', 'scheduled') AND a.published_at + 0 <= :now"
            + " AND (a.embargo_until IS NULL OR a.embargo_until + 0 <= :now)"
            + " AND (a.expires_at IS NULL OR a.expires_at + 0 > :now)";

    /**
     * Filed in one of {@code :sections}, primarily or besides. Written as a per-row check (not
     * {@code a.id IN (SELECT ...)}) so that lists walk article_live_newest in their order and stop
     * after a page, instead of collecting every matching row and sorting it.
     */
    private static final String IN_SECTIONS = "(a.section_id IN (:sections) OR EXISTS (SELECT 1 FROM article_section"
            + " s WHERE s.article_id = a.id AND s.section_id IN (:sections)))";

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
                rs.getBoolean("comments_open"),
                SqlValues.nullableLong(rs, "lead_image_id"),
                rs.getString("seo_title"),
                rs.getString("seo_description"));
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

    public List<ArticleRow> findLiveByIds(Collection<Long> ids, Instant now) {
        return jdbc.sql("SELECT " + LISTED_COLUMNS + " FROM article a WHERE a.id IN (:ids) AND " + LIVE)
                .param("ids", ids)
                .param("now", now.toEpochMilli())
                .query(ROW)
                .list();
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
            @Nullable Collection<Long> sectionIds, @Nullable Keyset after, int limit, Instant now) {
        return findLiveWhere(sectionIds == null ? "" : IN_SECTIONS, sectionIds, after, limit, now);
    }

    /**
     * The newest live articles of each of several section subtrees, in one statement: one
     * index-ordered arm per front, joined with UNION ALL, so a page of fronts costs one round trip.
     *
     * @param subtrees per front (keyed by its section id), the section ids it lists
     * @return per front, its articles newest first
     */
    public Map<Long, List<ArticleRow>> findLiveInEach(Map<Long, List<Long>> subtrees, int limit, Instant now) {
        Map<Long, List<ArticleRow>> byFront = new LinkedHashMap<>();
        if (subtrees.isEmpty()) {
            return byFront;
        }
        List<String> arms = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<Long, List<Long>> front : subtrees.entrySet()) {
            byFront.put(front.getKey(), new ArrayList<>());
            arms.add("SELECT * FROM (SELECT :front" + n + " AS front, " + LISTED_COLUMNS + " FROM article a WHERE "
                    + LIVE
                    + " AND " + IN_SECTIONS.replace(":sections", ":sections" + n)
                    + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit) f" + n);
            params.put("front" + n, front.getKey());
            params.put("sections" + n, front.getValue());
            n++;
        }
        params.put("now", now.toEpochMilli());
        params.put("limit", limit);
        jdbc.sql(String.join(" UNION ALL ", arms)).params(params).query((RowCallbackHandler)
                rs -> byFront.get(rs.getLong("front")).add(ROW.mapRow(rs, 0)));
        return byFront;
    }

    public List<ArticleRow> findLiveByTag(long tagId, @Nullable Keyset after, int limit, Instant now) {
        return findLiveWhere(
                "EXISTS (SELECT 1 FROM article_tag at WHERE at.article_id = a.id AND at.tag_id = :filter)",
                tagId,
                after,
                limit,
                now);
    }

    public List<ArticleRow> findLiveByAuthor(long authorId, @Nullable Keyset after, int limit, Instant now) {
        return findLiveWhere(
                "EXISTS (SELECT 1 FROM article_author aa WHERE aa.article_id = a.id AND aa.author_id = :filter)",
                authorId,
                after,
                limit,
                now);
    }

    /** Newest live articles matching every filter given (null means any), for the JSON API. */
    public List<ArticleRow> findLiveFiltered(
            @Nullable Collection<Long> sectionIds,
            @Nullable Long tagId,
            @Nullable Long authorId,
            @Nullable Instant since,
            @Nullable Instant until,
            @Nullable Keyset after,
            int limit,
            Instant now) {
        StringBuilder sql = new StringBuilder("SELECT " + LISTED_COLUMNS + " FROM article a WHERE " + LIVE);
        Map<String, Object> params = new LinkedHashMap<>();
        if (sectionIds != null) {
            sql.append(" AND ").append(IN_SECTIONS);
            params.put("sections", sectionIds);
        }
        if (tagId != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_tag at WHERE at.article_id = a.id AND at.tag_id = :tag)");
            params.put("tag", tagId);
        }
        if (authorId != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_author aa WHERE aa.article_id = a.id"
                    + " AND aa.author_id = :author)");
            params.put("author", authorId);
        }
        if (since != null) {
            sql.append(" AND a.published_at >= :since");
            params.put("since", since.toEpochMilli());
        }
        if (until != null) {
            sql.append(" AND a.published_at < :until");
            params.put("until", until.toEpochMilli());
        }
        if (after != null) {
            sql.append(" AND (a.published_at, a.id) < (:afterTime, :afterId)");
            params.put("afterTime", after.time().toEpochMilli());
            params.put("afterId", after.id());
        }
        sql.append(" ORDER BY a.published_at DESC, a.id DESC LIMIT :limit");
        params.put("now", now.toEpochMilli());
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(ROW).list();
    }

    private List<ArticleRow> findLiveWhere(
            String filter, @Nullable Object filterValue, @Nullable Keyset after, int limit, Instant now) {
        StringBuilder sql = new StringBuilder("SELECT " + LISTED_COLUMNS + " FROM article a WHERE " + LIVE);
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
            statement =
                    statement.param("afterTime", after.time().toEpochMilli()).param("afterId", after.id());
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

    /**
     * The tag with this slug, created with this name if it does not exist yet. A slug that was
     * renamed or merged away means the tag it now points to: old tags do not come back.
     */
    public long tagId(String slug, String name) {
        Optional<Long> moved = findTagIdByRetiredSlug(slug);
        if (moved.isPresent()) {
            return moved.get();
        }
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

    public Optional<Long> findArticleIdBySlug(String slug) {
        return jdbc.sql("SELECT id FROM article WHERE slug = ?")
                .param(slug)
                .query(Long.class)
                .optional();
    }

    /** Gives the article a new slug; the old one keeps redirecting to it. */
    public void changeSlug(long articleId, String oldSlug, String newSlug, Instant now) {
        retireSlug(articleId, oldSlug, newSlug, now);
        jdbc.sql("UPDATE article SET slug = ?, version = version + 1 WHERE id = ?")
                .params(newSlug, articleId)
                .update();
    }

    /** Records that the article left its old slug for a new one (which stops being retired, if it was). */
    public void retireSlug(long articleId, String oldSlug, String newSlug, Instant now) {
        jdbc.sql("DELETE FROM article_retired_slug WHERE slug = ?")
                .param(newSlug)
                .update();
        jdbc.sql(
                        "INSERT INTO article_retired_slug (slug, article_id, retired_at) VALUES (?, ?, ?)"
                                + " ON CONFLICT (slug) DO UPDATE SET article_id = excluded.article_id, retired_at = excluded.retired_at")
                .params(oldSlug, articleId, now.toEpochMilli())
                .update();
    }

    public List<news.broadsheet.article.Correction> findCorrections(long articleId) {
        return jdbc.sql("SELECT article_id, kind, body, published_at FROM article_correction WHERE article_id = ?"
                        + " ORDER BY published_at, id")
                .param(articleId)
                .query((rs, n) -> correction(rs))
                .list();
    }

    /** Corrections on live stories, newest first, older than a time when paging. */
    public List<news.broadsheet.article.Correction> findRecentCorrections(
            @Nullable Instant before, int limit, Instant now) {
        return jdbc.sql("SELECT c.article_id, c.kind, c.body, c.published_at FROM article_correction c"
                        + " JOIN article a ON a.id = c.article_id WHERE " + LIVE
                        + (before == null ? "" : " AND c.published_at < :before")
                        + " ORDER BY c.published_at DESC, c.id DESC LIMIT :limit")
                .param("now", now.toEpochMilli())
                .param("before", before == null ? 0L : before.toEpochMilli())
                .param("limit", limit)
                .query((rs, n) -> correction(rs))
                .list();
    }

    private static news.broadsheet.article.Correction correction(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new news.broadsheet.article.Correction(
                rs.getLong("article_id"),
                rs.getString("kind"),
                rs.getString("body"),
                Instant.ofEpochMilli(rs.getLong("published_at")));
    }

    /** A tag with how many stories carry it. */
    public record TagUse(Tag tag, int stories) {}

    public List<TagUse> findTagUses() {
        return jdbc.sql(
                        "SELECT t.id, t.slug, t.name, (SELECT COUNT(*) FROM article_tag at WHERE at.tag_id = t.id) AS uses"
                                + " FROM tag t ORDER BY t.slug")
                .query((rs, n) -> new TagUse(
                        new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name")), rs.getInt("uses")))
                .list();
    }

    /**
     * Tags on at least one live story, with how many live stories carry each, in slug order after
     * {@code after}: one keyset page of at most {@code limit} rows.
     */
    public List<TagUse> findLiveTagUses(@Nullable String after, int limit, Instant now) {
        return jdbc.sql("SELECT t.id, t.slug, t.name, COUNT(DISTINCT a.id) AS uses FROM tag t"
                        + " JOIN article_tag at ON at.tag_id = t.id JOIN article a ON a.id = at.article_id"
                        + " WHERE " + LIVE + (after == null ? "" : " AND t.slug > :after")
                        + " GROUP BY t.id, t.slug, t.name ORDER BY t.slug LIMIT :limit")
                .params(
                        after == null
                                ? Map.of("now", now.toEpochMilli(), "limit", limit)
                                : Map.of("now", now.toEpochMilli(), "limit", limit, "after", after))
                .query((rs, n) -> new TagUse(
                        new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name")), rs.getInt("uses")))
                .list();
    }

    public Optional<Tag> findTagById(long id) {
        return jdbc.sql("SELECT id, slug, name FROM tag WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
                .optional();
    }

    public Optional<Long> findTagIdByRetiredSlug(String slug) {
        return jdbc.sql("SELECT tag_id FROM tag_retired_slug WHERE slug = ?")
                .param(slug)
                .query(Long.class)
                .optional();
    }

    public void renameTag(Tag tag, String slug, String name) {
        if (!slug.equals(tag.slug())) {
            retireTagSlug(tag.slug(), tag.id());
            jdbc.sql("DELETE FROM tag_retired_slug WHERE slug = ?").param(slug).update();
        }
        jdbc.sql("UPDATE tag SET slug = ?, name = ? WHERE id = ?")
                .params(slug, name, tag.id())
                .update();
    }

    /** Moves every story from one tag to another and removes the first; its address redirects. */
    public void mergeTag(Tag source, Tag target) {
        jdbc.sql("INSERT INTO article_tag (article_id, tag_id) SELECT article_id, ? FROM article_tag WHERE tag_id = ?"
                        + " ON CONFLICT DO NOTHING")
                .params(target.id(), source.id())
                .update();
        jdbc.sql("DELETE FROM article_tag WHERE tag_id = ?").param(source.id()).update();
        jdbc.sql("UPDATE tag_retired_slug SET tag_id = ? WHERE tag_id = ?")
                .params(target.id(), source.id())
                .update();
        retireTagSlug(source.slug(), target.id());
        jdbc.sql("DELETE FROM tag WHERE id = ?").param(source.id()).update();
    }

    private void retireTagSlug(String slug, long tagId) {
        jdbc.sql("INSERT INTO tag_retired_slug (slug, tag_id) VALUES (?, ?)"
                        + " ON CONFLICT (slug) DO UPDATE SET tag_id = excluded.tag_id")
                .params(slug, tagId)
                .update();
    }

    public List<Long> findIdsInSections(java.util.Collection<Long> sectionIds) {
        if (sectionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM article WHERE section_id IN (:sections)")
                .param("sections", sectionIds)
                .query(Long.class)
                .list();
    }

    public java.util.Map<Long, String> findHeadlines(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> headlines = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, headline FROM article WHERE id IN (:ids)")
                    .param("ids", ids)
                    .query((RowCallbackHandler) rs -> headlines.put(rs.getLong("id"), rs.getString("headline")));
        }
        return headlines;
    }

    /** Deletes an article; its bylines, tags, revisions, notes, corrections, old slugs and comments go with it. */
    public boolean deleteArticle(long id) {
        return jdbc.sql("DELETE FROM article WHERE id = ?").param(id).update() > 0;
    }

    /** Articles, whatever their status, filed in this section (first or among others) or saved there in a revision. */
    public List<Long> findIdsUsingSection(long sectionId) {
        return jdbc.sql("SELECT id FROM article WHERE section_id = :id"
                        + " UNION SELECT article_id FROM article_section WHERE section_id = :id"
                        + " UNION SELECT article_id FROM article_revision WHERE section_id = :id")
                .param("id", sectionId)
                .query(Long.class)
                .list();
    }

    /** Articles, whatever their status, with this author in the byline. */
    public List<Long> findIdsByAuthor(long authorId) {
        return jdbc.sql("SELECT article_id FROM article_author WHERE author_id = ?")
                .param(authorId)
                .query(Long.class)
                .list();
    }

    /** Deletes a tag no article carries any more, with its old addresses; false when one still does. */
    public boolean deleteTagIfUnused(long tagId) {
        long uses = jdbc.sql("SELECT COUNT(*) FROM article_tag WHERE tag_id = ?")
                .param(tagId)
                .query(Long.class)
                .single();
        if (uses > 0) {
            return false;
        }
        jdbc.sql("DELETE FROM tag_retired_slug WHERE tag_id = ?").param(tagId).update();
        return jdbc.sql("DELETE FROM tag WHERE id = ?").param(tagId).update() > 0;
    }

    public long countAll() {
        return jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single();
    }
}
