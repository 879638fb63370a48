package news.broadsheet.article.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.broadsheet.article.LiveBlock;
import news.broadsheet.article.Tag;
import news.broadsheet.shared.SqlValues;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bulk reads of live stories for feeds and sitemaps. Every statement here filters with {@link
 * ArticleRepository#LIVE}, so nothing a reader may not see can reach a feed or a sitemap.
 */
@Repository
public class LiveListingRepository {

    /** When a story last changed for readers: its update time, or its publication if that is later. */
    private static final String MODIFIED =
            "CASE WHEN a.updated_at > a.published_at THEN a.updated_at ELSE a.published_at END";

    /** One live story's address parts and times, before its section path is known. */
    public record LinkRow(
            long id, String slug, String headline, long sectionId, Instant publishedAt, Instant updatedAt) {}

    private final JdbcClient jdbc;

    LiveListingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, String> findLiveBodies(Collection<Long> ids, Instant now) {
        Map<Long, String> bodies = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT a.id, a.body_html FROM article a WHERE a.id IN (:ids) AND " + ArticleRepository.LIVE)
                    .param("ids", ids)
                    .param("now", now.toEpochMilli())
                    .query((RowCallbackHandler) rs -> bodies.put(rs.getLong("id"), rs.getString("body_html")));
        }
        return bodies;
    }

    public Map<Long, List<Tag>> findTags(Collection<Long> ids) {
        Map<Long, List<Tag>> tags = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT at.article_id, t.id, t.slug, t.name FROM tag t JOIN article_tag at ON at.tag_id = t.id"
                            + " WHERE at.article_id IN (:ids) ORDER BY at.article_id, t.slug")
                    .param("ids", ids)
                    .query((RowCallbackHandler)
                            rs -> tags.computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
                                    .add(new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))));
        }
        return tags;
    }

    /** Live stories in id order after an id (keyset paging for sitemap files). */
    public List<LinkRow> findLinksAfter(long afterId, int limit, Instant now) {
        return jdbc.sql("SELECT a.id, a.slug, a.headline, a.section_id, a.published_at, a.updated_at FROM article a"
                        + " WHERE " + ArticleRepository.LIVE + " AND a.id > :after ORDER BY a.id LIMIT :limit")
                .param("now", now.toEpochMilli())
                .param("after", afterId)
                .param("limit", limit)
                .query((rs, n) -> linkRow(rs))
                .list();
    }

    /** Live stories published at or after a time, newest first. */
    public List<LinkRow> findLinksPublishedSince(Instant since, int limit, Instant now) {
        return jdbc.sql("SELECT a.id, a.slug, a.headline, a.section_id, a.published_at, a.updated_at FROM article a"
                        + " WHERE " + ArticleRepository.LIVE + " AND a.published_at >= :since"
                        + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit")
                .param("now", now.toEpochMilli())
                .param("since", since.toEpochMilli())
                .param("limit", limit)
                .query((rs, n) -> linkRow(rs))
                .list();
    }

    /** The next run of at most {@code size} live stories after an id, or empty when none is left. */
    public Optional<LiveBlock> findBlockAfter(long afterId, int size, Instant now) {
        List<@org.jspecify.annotations.Nullable LiveBlock> blocks = jdbc.sql(
                        "SELECT MAX(b.id) AS last_id, COUNT(*) AS n, MAX(b.modified) AS modified FROM"
                                + " (SELECT a.id, " + MODIFIED + " AS modified FROM article a WHERE "
                                + ArticleRepository.LIVE + " AND a.id > :after ORDER BY a.id LIMIT :size) b")
                .param("now", now.toEpochMilli())
                .param("after", afterId)
                .param("size", size)
                .query((rs, n) -> {
                    Long lastId = SqlValues.nullableLong(rs, "last_id");
                    Long modified = SqlValues.nullableLong(rs, "modified");
                    return lastId == null || modified == null
                            ? null
                            : new LiveBlock(lastId, rs.getInt("n"), Instant.ofEpochMilli(modified));
                })
                .list();
        return blocks.isEmpty() ? Optional.empty() : Optional.ofNullable(blocks.getFirst());
    }

    /** The latest change among live stories, per section they are filed in. */
    public Map<Long, Instant> findActivityBySection(Instant now) {
        return activity(
                "SELECT a.section_id AS k, MAX(" + MODIFIED + ") AS modified FROM article a WHERE "
                        + ArticleRepository.LIVE + " GROUP BY a.section_id",
                now);
    }

    public Map<Long, Instant> findActivityByAuthor(Instant now) {
        return activity(
                "SELECT aa.author_id AS k, MAX(" + MODIFIED + ") AS modified FROM article a"
                        + " JOIN article_author aa ON aa.article_id = a.id WHERE " + ArticleRepository.LIVE
                        + " GROUP BY aa.author_id",
                now);
    }

    public Map<Long, Instant> findActivityByTag(Instant now) {
        return activity(
                "SELECT at.tag_id AS k, MAX(" + MODIFIED + ") AS modified FROM article a"
                        + " JOIN article_tag at ON at.article_id = a.id WHERE " + ArticleRepository.LIVE
                        + " GROUP BY at.tag_id",
                now);
    }

    public List<Tag> findTagsByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, slug, name FROM tag WHERE id IN (:ids) ORDER BY slug")
                .param("ids", ids)
                .query((rs, n) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
                .list();
    }

    private Map<Long, Instant> activity(String sql, Instant now) {
        Map<Long, Instant> activity = new HashMap<>();
        jdbc.sql(sql).param("now", now.toEpochMilli()).query((RowCallbackHandler)
                rs -> activity.put(rs.getLong("k"), Instant.ofEpochMilli(rs.getLong("modified"))));
        return activity;
    }

    private static LinkRow linkRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LinkRow(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("headline"),
                rs.getLong("section_id"),
                Instant.ofEpochMilli(rs.getLong("published_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
