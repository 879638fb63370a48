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
import org.jspecify.annotations.Nullable;
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

    /** Live stories with ids from {@code first} to {@code last}, in id order: one sitemap file, read by key range. */
    public List<LinkRow> findLinksBetween(long first, long last, Instant now) {
        return jdbc.sql("SELECT a.id, a.slug, a.headline, a.section_id, a.published_at, a.updated_at FROM article a"
                        + " WHERE a.id BETWEEN :first AND :last AND " + ArticleRepository.LIVE + " ORDER BY a.id")
                .param("now", now.toEpochMilli())
                .param("first", first)
                .param("last", last)
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

    /**
     * Per section with live stories filed directly in it, the newest publication among them: one
     * probe of article_section_live per section, never an aggregate over the archive.
     */
    public Map<Long, Instant> findNewestBySection(Instant now) {
        Map<Long, Instant> newest = new LinkedHashMap<>();
        jdbc.sql("SELECT s.id AS k, (SELECT MAX(a.published_at) FROM article a WHERE a.section_id = s.id AND "
                        + ArticleRepository.LIVE + ") AS newest FROM section s")
                .param("now", now.toEpochMilli())
                .query((RowCallbackHandler) rs -> {
                    Long time = SqlValues.nullableLong(rs, "newest");
                    if (time != null) {
                        newest.put(rs.getLong("k"), Instant.ofEpochMilli(time));
                    }
                });
        return newest;
    }

    /** Authors with a live story: one probe each, stopping at the first (as {@link #findLivePages} counts them). */
    public List<Long> findLiveAuthorIds(Instant now) {
        return jdbc.sql("SELECT au.id FROM author au WHERE (SELECT 1 FROM article_author aa JOIN article a"
                        + " ON a.id = aa.article_id WHERE aa.author_id = au.id AND " + ArticleRepository.LIVE
                        + " LIMIT 1) IS NOT NULL ORDER BY au.id")
                .param("now", now.toEpochMilli())
                .query(Long.class)
                .list();
    }

    /** Tags on a live story, by slug: one probe each, stopping at the first (as {@link #findLivePages} counts them). */
    public List<Tag> findLiveTags(Instant now) {
        return jdbc.sql("SELECT t.id, t.slug, t.name FROM tag t WHERE (SELECT 1 FROM article_tag at JOIN article a"
                        + " ON a.id = at.article_id WHERE at.tag_id = t.id AND " + ArticleRepository.LIVE
                        + " LIMIT 1) IS NOT NULL ORDER BY t.slug")
                .param("now", now.toEpochMilli())
                .query((rs, n) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
                .list();
    }

    /** Every tag, live or not, in id order: one plain read of the tag table. */
    public List<Tag> findAllTags() {
        return jdbc.sql("SELECT id, slug, name FROM tag ORDER BY id")
                .query((rs, n) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
                .list();
    }

    /** The highest tag id, 0 when there is none: tags are never renumbered, so a new one raises it. */
    public long findNewestTagId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM tag")
                .query(Long.class)
                .single();
    }

    /** Which of these tags are on a live story: one probe each, stopping at the first. */
    public List<Long> findLiveTagIds(Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT t.id FROM tag t WHERE t.id IN (:ids) AND (SELECT 1 FROM article_tag at JOIN article a"
                        + " ON a.id = at.article_id WHERE at.tag_id = t.id AND " + ArticleRepository.LIVE
                        + " LIMIT 1) IS NOT NULL")
                .param("ids", ids)
                .param("now", now.toEpochMilli())
                .query(Long.class)
                .list();
    }

    /**
     * The numbers of the blocks of {@code size} ids (block n holds ids {@code (n-1)*size+1} to {@code
     * n*size}) that hold at least one live story, ascending. One primary-key seek per block found:
     * each step asks for the first live id past the previous block, so empty stretches of ids are
     * jumped over and no step reads more than the rows of one block plus the non-live rows after it.
     */
    public List<Long> findLiveIdBlocks(int size, Instant now) {
        String firstLive = "SELECT (a.id - 1) / :size + 1 FROM article a WHERE a.id > %s AND " + ArticleRepository.LIVE
                + " ORDER BY a.id LIMIT 1";
        return jdbc.sql("WITH RECURSIVE block(n) AS (SELECT (" + firstLive.formatted("0") + ")"
                        + " UNION ALL SELECT (" + firstLive.formatted("b.n * :size") + ") FROM block b"
                        + " WHERE b.n IS NOT NULL) SELECT n FROM block WHERE n IS NOT NULL ORDER BY n")
                .param("now", now.toEpochMilli())
                .param("size", size)
                .query(Long.class)
                .list();
    }

    /**
     * The live stories with ids from {@code first} to {@code last}: how many, and the latest moment
     * by {@code now} at which one of them changed for readers or any story of the range came out or
     * came down (as {@link #findLastVisibilityChange}, limited to the range). One key-range read.
     */
    public Optional<LiveBlock> findLiveBlock(long first, long last, Instant now) {
        String live = ArticleRepository.LIVE;
        String sql = "SELECT SUM(CASE WHEN " + live + " THEN 1 ELSE 0 END) AS n,"
                + " MAX(CASE WHEN " + live + " THEN " + MODIFIED + " END) AS modified,"
                + " MAX(CASE WHEN " + live + " THEN a.embargo_until END) AS lifted,"
                + " MAX(CASE WHEN a.status_changed_at <= :now THEN a.status_changed_at END) AS changed,"
                + " MAX(CASE WHEN a.expires_at <= :now AND a.status IN ('published', 'scheduled')"
                + " THEN a.expires_at END) AS expired"
                + " FROM article a WHERE a.id BETWEEN :first AND :last";
        return jdbc.sql(sql)
                .param("now", now.toEpochMilli())
                .param("first", first)
                .param("last", last)
                .query((rs, row) -> {
                    Long count = SqlValues.nullableLong(rs, "n");
                    if (count == null || count == 0) {
                        return Optional.<LiveBlock>empty();
                    }
                    long latest = Long.MIN_VALUE;
                    for (String column : List.of("modified", "lifted", "changed", "expired")) {
                        Long time = SqlValues.nullableLong(rs, column);
                        if (time != null) {
                            latest = Math.max(latest, time);
                        }
                    }
                    return Optional.of(new LiveBlock(first, last, count.intValue(), Instant.ofEpochMilli(latest)));
                })
                .single();
    }

    /**
     * How many pages list live stories: sections with a live story filed directly in them (by id),
     * and the number of tags and of bylines on live stories. One probe per section, tag and author,
     * each stopping at its first live story (a scalar subquery with LIMIT 1, which PostgreSQL runs
     * per row rather than as a join over every live story), so the cost follows the number of
     * pages, not of stories.
     */
    public LivePages findLivePages(Instant now) {
        String live = ArticleRepository.LIVE;
        List<Long> sections = jdbc.sql(
                        "SELECT s.id FROM section s WHERE (SELECT 1 FROM article a WHERE a.section_id = s.id" + " AND "
                                + live + " LIMIT 1) IS NOT NULL")
                .param("now", now.toEpochMilli())
                .query(Long.class)
                .list();
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM tag t WHERE (SELECT 1 FROM article_tag at JOIN article a"
                        + " ON a.id = at.article_id WHERE at.tag_id = t.id AND " + live
                        + " LIMIT 1) IS NOT NULL) AS tags,"
                        + " (SELECT COUNT(*) FROM author au WHERE (SELECT 1 FROM article_author aa JOIN article a"
                        + " ON a.id = aa.article_id WHERE aa.author_id = au.id AND " + live
                        + " LIMIT 1) IS NOT NULL) AS authors,"
                        + " (SELECT a.updated_at FROM article a WHERE " + ArticleRepository.LIVE_AS_FILTER
                        + " ORDER BY a.updated_at DESC, a.id DESC LIMIT 1) AS updated")
                .param("now", now.toEpochMilli())
                .query((rs, n) -> new LivePages(
                        sections,
                        rs.getInt("tags"),
                        rs.getInt("authors"),
                        Optional.ofNullable(SqlValues.nullableLong(rs, "updated"))
                                .map(Instant::ofEpochMilli)))
                .single();
    }

    /** What {@link #findLivePages} finds. */
    public record LivePages(List<Long> sectionIds, int tags, int authors, Optional<Instant> lastUpdate) {}

    /** The latest publication time before {@code before} among live stories. */
    public Optional<Instant> findLatestPublishedBefore(Instant before, Instant now) {
        return jdbc.sql("SELECT MAX(a.published_at) AS t FROM article a WHERE " + ArticleRepository.LIVE
                        + " AND a.published_at < :before")
                .param("now", now.toEpochMilli())
                .param("before", before.toEpochMilli())
                .query((rs, n) ->
                        Optional.ofNullable(SqlValues.nullableLong(rs, "t")).map(Instant::ofEpochMilli))
                .single();
    }

    /**
     * The stories a list shows, for queries on {@code a} (the article) that may use {@code :scope}.
     *
     * @param parts alternatives whose union is the scope, each able to lead a query through an index
     *     of its own (a section's stories by {@code section_id}, and from {@code article_section}
     *     those filed there as a second section); one OR of them would make SQLite read every story
     *     of the scope
     * @param filter the whole scope as a condition that no index serves ({@code + 0}), for queries
     *     that must be led by a rarely filled column (expiry, embargo) and check the scope per row
     */
    public record ListScope(
            List<Part> parts, String filter, @Nullable Object value) {

        public static final ListScope EVERYTHING = new ListScope(List.of(Part.of("1 = 1")), "1 = 1", null);

        /** Tables (the article as {@code a}, joined to what leads) and the condition on them. */
        public record Part(String tables, String condition) {

            /** A condition on the article table alone. */
            public static Part of(String condition) {
                return new Part("article a", condition);
            }
        }
    }

    /**
     * The latest moment by {@code now} at which a story of a scope came out or came down: the
     * publication of its live stories, every recorded status change (publishing, unpublishing,
     * embargoing, republishing), the expiry of stories it held and the lifted embargo of its live
     * stories. A list of stories can only change at one of these moments or when a story in it is
     * updated.
     *
     * <p>Each term reads one index range and stops: publications and status changes by the scope's
     * own index ({@code article_live_newest}, {@code article_section_live}, {@code article_section_changed},
     * or the scope's link table), expiries and embargoes by their own, rarely filled, columns with
     * the scope checked per row. Written so, because SQLite (which keeps no statistics here) would
     * otherwise walk every live story of the scope to find the few that expire: 1.6 s a feed at a
     * million stories.
     */
    public Optional<Instant> findLastVisibilityChange(ListScope scope, Instant now) {
        List<String> terms = new ArrayList<>();
        for (ListScope.Part part : scope.parts()) {
            String from = " FROM " + part.tables() + " WHERE " + part.condition() + " AND ";
            terms.add("(SELECT MAX(a.status_changed_at)" + from + "a.status_changed_at <= :now)");
            terms.add("(SELECT MAX(a.published_at)" + from + ArticleRepository.LIVE + ")");
        }
        // Led by the expiry and embargo indexes; "|| ''" keeps SQLite from reading every live row by status.
        terms.add("(SELECT MAX(a.expires_at) FROM article a WHERE a.expires_at <= :now"
                + " AND a.status || '' IN ('published', 'scheduled') AND " + scope.filter() + ")");
        terms.add("(SELECT MAX(a.embargo_until) FROM article a WHERE a.embargo_until <= :now AND "
                + ArticleRepository.LIVE_AS_FILTER + " AND " + scope.filter() + ")");
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < terms.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(terms.get(i)).append(" AS t").append(i);
        }
        var statement = jdbc.sql(sql.toString()).param("now", now.toEpochMilli());
        if (scope.value() != null) {
            statement = statement.param("scope", scope.value());
        }
        int columns = terms.size();
        return statement
                .query((rs, n) -> {
                    long latest = Long.MIN_VALUE;
                    for (int i = 0; i < columns; i++) {
                        Long time = SqlValues.nullableLong(rs, "t" + i);
                        if (time != null) {
                            latest = Math.max(latest, time);
                        }
                    }
                    return latest == Long.MIN_VALUE
                            ? Optional.<Instant>empty()
                            : Optional.of(Instant.ofEpochMilli(latest));
                })
                .single();
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
