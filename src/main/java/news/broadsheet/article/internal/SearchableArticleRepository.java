package news.broadsheet.article.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.SearchableArticle;
import news.broadsheet.shared.SqlValues;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.util.HtmlUtils;

/** SQL behind {@link news.broadsheet.article.SearchableArticles}. */
@Repository
public class SearchableArticleRepository {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final String COLUMNS = "SELECT a.id, a.headline, a.standfirst, a.body_html, a.section_id, a.status,"
            + " a.published_at, a.embargo_until, a.expires_at FROM article a";

    private final JdbcClient jdbc;

    SearchableArticleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SearchableArticle> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withAuthors(jdbc.sql(COLUMNS + " WHERE a.id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> row(rs))
                .list());
    }

    public List<SearchableArticle> findReleasableAfter(long afterId, int limit) {
        return withAuthors(jdbc.sql(COLUMNS
                        + " WHERE a.id > :after AND a.status IN ('published', 'scheduled')"
                        + " AND a.published_at IS NOT NULL ORDER BY a.id LIMIT :limit")
                .param("after", afterId)
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list());
    }

    private List<SearchableArticle> withAuthors(List<SearchableArticle> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Long>> authors = new LinkedHashMap<>();
        jdbc.sql("SELECT article_id, author_id FROM article_author WHERE article_id IN (:ids)"
                        + " ORDER BY article_id, position")
                .param("ids", rows.stream().map(SearchableArticle::id).toList())
                .query((RowCallbackHandler)
                        rs -> authors.computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
                                .add(rs.getLong("author_id")));
        return rows.stream()
                .map(r -> new SearchableArticle(
                        r.id(),
                        r.headline(),
                        r.standfirst(),
                        r.bodyText(),
                        r.sectionId(),
                        List.copyOf(authors.getOrDefault(r.id(), List.of())),
                        r.status(),
                        r.publishedAt(),
                        r.embargoUntil(),
                        r.expiresAt()))
                .toList();
    }

    private static SearchableArticle row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SearchableArticle(
                rs.getLong("id"),
                rs.getString("headline"),
                rs.getString("standfirst"),
                plainText(rs.getString("body_html")),
                rs.getLong("section_id"),
                List.of(),
                ArticleStatus.fromDb(rs.getString("status")),
                instant(SqlValues.nullableLong(rs, "published_at")),
                instant(SqlValues.nullableLong(rs, "embargo_until")),
                instant(SqlValues.nullableLong(rs, "expires_at")));
    }

    /** The rendered body without markup: block ends become spaces so words never run together. */
    static String plainText(String html) {
        String text = TAG.matcher(html).replaceAll(" ");
        return SPACE.matcher(HtmlUtils.htmlUnescape(text)).replaceAll(" ").strip();
    }

    private static @org.jspecify.annotations.Nullable Instant instant(@org.jspecify.annotations.Nullable Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
