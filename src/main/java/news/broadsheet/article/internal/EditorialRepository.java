package news.broadsheet.article.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.EditArticle;
import news.broadsheet.shared.SqlValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the newsroom side of articles: drafts, revisions, corrections, notes, workflow. */
@Repository
public class EditorialRepository {

    /**
     * Stamps {@code status_changed_at} when a story that is (or may be) out for readers changes status,
     * embargo or expiry: feeds and sitemaps read it for their Last-Modified. SET expressions see the
     * row as it was, so {@code status} here is the status before the update.
     */
    private static final String STAMP_IF_OUT =
            "status_changed_at = CASE WHEN status IN ('published', 'scheduled') THEN :now ELSE status_changed_at END";

    private static final String STAMP_IF_OUT_OR_GOING_OUT = "status_changed_at = CASE WHEN status IN ('published',"
            + " 'scheduled') OR :to IN ('published', 'scheduled') THEN :now ELSE status_changed_at END";

    private final JdbcClient jdbc;

    EditorialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- drafts -----------------------------------------------------------------------------

    public Optional<ArticleDraft> findDraft(long id) {
        return jdbc.sql("""
                        SELECT id, slug, headline, standfirst, body_markdown, section_id, seo_title, seo_description,
                            comments_open, status, published_at, updated_at, embargo_until, expires_at, created_by,
                            lead_image_id, version
                        FROM article WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new ArticleDraft(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("headline"),
                        rs.getString("standfirst"),
                        rs.getString("body_markdown"),
                        rs.getLong("section_id"),
                        extraSections(id),
                        tagNames(id),
                        authorIds(id),
                        rs.getString("seo_title"),
                        rs.getString("seo_description"),
                        rs.getBoolean("comments_open"),
                        ArticleStatus.fromDb(rs.getString("status")),
                        instant(rs, "published_at"),
                        Instant.ofEpochMilli(rs.getLong("updated_at")),
                        instant(rs, "embargo_until"),
                        instant(rs, "expires_at"),
                        SqlValues.nullableLong(rs, "created_by"),
                        bylineAccountIds(id),
                        SqlValues.nullableLong(rs, "lead_image_id"),
                        rs.getInt("version")))
                .optional();
    }

    private List<Long> extraSections(long id) {
        return jdbc.sql("SELECT section_id FROM article_section WHERE article_id = ? ORDER BY section_id")
                .param(id)
                .query(Long.class)
                .list();
    }

    private List<String> tagNames(long id) {
        return jdbc.sql("SELECT t.name FROM tag t JOIN article_tag at ON at.tag_id = t.id WHERE at.article_id = ?"
                        + " ORDER BY t.slug")
                .param(id)
                .query(String.class)
                .list();
    }

    private List<Long> authorIds(long id) {
        return jdbc.sql("SELECT author_id FROM article_author WHERE article_id = ? ORDER BY position")
                .param(id)
                .query(Long.class)
                .list();
    }

    private List<Long> bylineAccountIds(long id) {
        return jdbc.sql("SELECT au.account_id FROM article_author aa JOIN author au ON au.id = aa.author_id"
                        + " WHERE aa.article_id = ? AND au.account_id IS NOT NULL ORDER BY au.account_id")
                .param(id)
                .query(Long.class)
                .list();
    }

    /** One row of the editor's article list. */
    public record ListedArticle(
            long id,
            String headline,
            ArticleStatus status,
            long sectionId,
            Instant updatedAt,
            @Nullable Instant publishedAt,
            @Nullable Long createdBy) {}

    /**
     * Articles newest-changed first, filtered, after a (updated_at, id) keyset position.
     *
     * @param involving only the stories this account created or writes a byline of; null for all
     */
    public List<ListedArticle> list(
            @Nullable Long involving,
            @Nullable ArticleStatus status,
            @Nullable Long sectionId,
            @Nullable Long authorId,
            @Nullable String headlineText,
            @Nullable Instant afterUpdated,
            @Nullable Long afterId,
            int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT a.id, a.headline, a.status, a.section_id, a.updated_at, a.published_at, a.created_by"
                        + " FROM article a WHERE 1 = 1");
        if (involving != null) {
            sql.append(" AND (a.created_by = :involving OR a.id IN (SELECT aa.article_id FROM article_author aa"
                    + " JOIN author au ON au.id = aa.author_id WHERE au.account_id = :involving))");
        }
        if (status != null) {
            sql.append(" AND a.status = :status");
        }
        if (sectionId != null) {
            sql.append(" AND a.section_id = :section");
        }
        if (authorId != null) {
            sql.append(" AND a.id IN (SELECT article_id FROM article_author WHERE author_id = :author)");
        }
        if (headlineText != null) {
            sql.append(" AND LOWER(a.headline) LIKE :text ESCAPE '\\'");
        }
        if (afterUpdated != null && afterId != null) {
            sql.append(" AND (a.updated_at, a.id) < (:afterUpdated, :afterId)");
        }
        sql.append(" ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit");
        var statement = jdbc.sql(sql.toString()).param("limit", limit);
        if (involving != null) {
            statement = statement.param("involving", involving);
        }
        if (status != null) {
            statement = statement.param("status", status.dbValue());
        }
        if (sectionId != null) {
            statement = statement.param("section", sectionId);
        }
        if (authorId != null) {
            statement = statement.param("author", authorId);
        }
        if (headlineText != null) {
            String escaped = headlineText
                    .toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_");
            statement = statement.param("text", "%" + escaped + "%");
        }
        if (afterUpdated != null && afterId != null) {
            statement =
                    statement.param("afterUpdated", afterUpdated.toEpochMilli()).param("afterId", afterId);
        }
        return statement
                .query((rs, n) -> new ListedArticle(
                        rs.getLong("id"),
                        rs.getString("headline"),
                        ArticleStatus.fromDb(rs.getString("status")),
                        rs.getLong("section_id"),
                        Instant.ofEpochMilli(rs.getLong("updated_at")),
                        instant(rs, "published_at"),
                        SqlValues.nullableLong(rs, "created_by")))
                .list();
    }

    /**
     * Writes new content if the article is still at the expected version.
     *
     * @return false when someone else saved in between (optimistic locking)
     */
    public boolean updateContent(
            long id,
            int expectedVersion,
            EditArticle content,
            String slug,
            String bodyHtml,
            boolean touchUpdatedAt,
            Instant now) {
        int rows = jdbc.sql("""
                        UPDATE article SET slug = :slug, headline = :headline, standfirst = :standfirst,
                            body_markdown = :markdown, body_html = :html, section_id = :section,
                            seo_title = :seoTitle, seo_description = :seoDescription, comments_open = :commentsOpen,
                            updated_at = CASE WHEN :touch THEN :now ELSE updated_at END,
                            version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("slug", slug)
                .param("headline", content.headline())
                .param("standfirst", content.standfirst())
                .param("markdown", content.bodyMarkdown())
                .param("html", bodyHtml)
                .param("section", content.sectionId())
                .param("seoTitle", content.seoTitle(), Types.VARCHAR)
                .param("seoDescription", content.seoDescription(), Types.VARCHAR)
                .param("commentsOpen", content.commentsOpen())
                .param("touch", touchUpdatedAt)
                .param("now", now.toEpochMilli())
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        return rows == 1;
    }

    public void setCreationDetails(
            long id, long createdBy, @Nullable String seoTitle, @Nullable String seoDescription) {
        jdbc.sql(
                        "UPDATE article SET created_by = :by, seo_title = :title, seo_description = :description WHERE id = :id")
                .param("by", createdBy)
                .param("title", seoTitle, Types.VARCHAR)
                .param("description", seoDescription, Types.VARCHAR)
                .param("id", id)
                .update();
    }

    public void replaceAuthors(long id, List<Long> authorIds) {
        jdbc.sql("DELETE FROM article_author WHERE article_id = ?").param(id).update();
        int position = 0;
        for (long authorId : authorIds) {
            jdbc.sql("INSERT INTO article_author (article_id, author_id, position) VALUES (?, ?, ?)")
                    .params(id, authorId, position++)
                    .update();
        }
    }

    public void replaceExtraSections(long id, List<Long> sectionIds) {
        jdbc.sql("DELETE FROM article_section WHERE article_id = ?").param(id).update();
        for (long sectionId : sectionIds) {
            jdbc.sql("INSERT INTO article_section (article_id, section_id) VALUES (?, ?)")
                    .params(id, sectionId)
                    .update();
        }
    }

    public void clearTags(long id) {
        jdbc.sql("DELETE FROM article_tag WHERE article_id = ?").param(id).update();
    }

    // --- workflow ---------------------------------------------------------------------------

    /** Moves an article from one of the given states to another; false if it was in none of them. */
    public boolean transition(long id, List<ArticleStatus> from, ArticleStatus to, Instant now) {
        return jdbc.sql("UPDATE article SET status = :to, " + STAMP_IF_OUT_OR_GOING_OUT
                                + ", version = version + 1 WHERE id = :id AND status IN (:from)")
                        .param("to", to.dbValue())
                        .param("now", now.toEpochMilli())
                        .param("id", id)
                        .param("from", from.stream().map(ArticleStatus::dbValue).toList())
                        .update()
                == 1;
    }

    public void setPublication(long id, ArticleStatus status, Instant publishedAt, Instant now) {
        jdbc.sql("UPDATE article SET status = ?, published_at = ?, status_changed_at = ?, version = version + 1"
                        + " WHERE id = ?")
                .params(status.dbValue(), publishedAt.toEpochMilli(), now.toEpochMilli(), id)
                .update();
    }

    /** The headlines of those of these stories that exist. */
    public java.util.Map<Long, String> findHeadlines(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> headlines = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return headlines;
        }
        jdbc.sql("SELECT id, headline FROM article WHERE id IN (:ids)")
                .param("ids", java.util.List.copyOf(ids))
                .query((rs, n) -> headlines.put(rs.getLong("id"), rs.getString("headline")))
                .list();
        return headlines;
    }

    /** Forgets a publication time still to come (a cancelled schedule); one in the past stays. */
    public void clearFuturePublication(long id, Instant now) {
        jdbc.sql("UPDATE article SET published_at = NULL WHERE id = ? AND published_at > ?")
                .params(id, now.toEpochMilli())
                .update();
    }

    public void setEmbargo(long id, @Nullable Instant until, Instant now) {
        jdbc.sql("UPDATE article SET embargo_until = :until, " + STAMP_IF_OUT
                        + ", version = version + 1 WHERE id = :id")
                .param("until", until == null ? null : until.toEpochMilli(), Types.BIGINT)
                .param("now", now.toEpochMilli())
                .param("id", id)
                .update();
    }

    public void setExpiry(long id, @Nullable Instant at, Instant now) {
        jdbc.sql("UPDATE article SET expires_at = :at, " + STAMP_IF_OUT + ", version = version + 1 WHERE id = :id")
                .param("at", at == null ? null : at.toEpochMilli(), Types.BIGINT)
                .param("now", now.toEpochMilli())
                .param("id", id)
                .update();
    }

    public void touch(long id, Instant now) {
        jdbc.sql("UPDATE article SET updated_at = ?, version = version + 1 WHERE id = ?")
                .params(now.toEpochMilli(), id)
                .update();
    }

    public void setLeadImage(long id, @Nullable Long imageId) {
        jdbc.sql("UPDATE article SET lead_image_id = :image, version = version + 1 WHERE id = :id")
                .param("image", imageId, Types.BIGINT)
                .param("id", id)
                .update();
    }

    /** Scheduled articles whose time has come. */
    public List<Long> findDueScheduled(Instant now) {
        return jdbc.sql("SELECT id FROM article WHERE status = 'scheduled' AND published_at <= ?")
                .param(now.toEpochMilli())
                .query(Long.class)
                .list();
    }

    public List<Long> findDueExpiries(Instant now) {
        return jdbc.sql("SELECT id FROM article WHERE status IN ('published', 'scheduled') AND expires_at <= ?")
                .param(now.toEpochMilli())
                .query(Long.class)
                .list();
    }

    public List<Long> findLiftedEmbargoes(Instant now) {
        return jdbc.sql("SELECT id FROM article WHERE embargo_until IS NOT NULL AND embargo_until <= ?")
                .param(now.toEpochMilli())
                .query(Long.class)
                .list();
    }

    /** Clears a lifted embargo; true for the one caller (on any node) that did it. */
    public boolean clearEmbargoIfLifted(long id, Instant now) {
        // The story came out when the embargo ended, not when this runs.
        return jdbc.sql("UPDATE article SET status_changed_at = CASE WHEN status IN ('published', 'scheduled')"
                                + " THEN embargo_until ELSE status_changed_at END, embargo_until = NULL"
                                + " WHERE id = ? AND embargo_until <= ?")
                        .params(id, now.toEpochMilli())
                        .update()
                == 1;
    }

    // --- revisions --------------------------------------------------------------------------

    /** One saved state of an article. */
    public record Revision(
            int version,
            String slug,
            String headline,
            String standfirst,
            String bodyMarkdown,
            long sectionId,
            @Nullable String seoTitle,
            @Nullable String seoDescription,
            String savedByName,
            Instant savedAt,
            String note) {}

    public void insertRevision(
            long articleId,
            int version,
            EditArticle content,
            String slug,
            @Nullable Long savedBy,
            String savedByName,
            Instant at,
            String note) {
        jdbc.sql("""
                        INSERT INTO article_revision (article_id, version, slug, headline, standfirst, body_markdown,
                            section_id, seo_title, seo_description, saved_by, saved_by_name, saved_at, note)
                        VALUES (:article, :version, :slug, :headline, :standfirst, :markdown, :section, :seoTitle,
                            :seoDescription, :savedBy, :savedByName, :at, :note)""")
                .param("article", articleId)
                .param("version", version)
                .param("slug", slug)
                .param("headline", content.headline())
                .param("standfirst", content.standfirst())
                .param("markdown", content.bodyMarkdown())
                .param("section", content.sectionId())
                .param("seoTitle", content.seoTitle(), Types.VARCHAR)
                .param("seoDescription", content.seoDescription(), Types.VARCHAR)
                .param("savedBy", savedBy, Types.BIGINT)
                .param("savedByName", savedByName)
                .param("at", at.toEpochMilli())
                .param("note", note)
                .update();
    }

    public List<Revision> findRevisions(long articleId) {
        return jdbc.sql(REVISION_SELECT + " WHERE article_id = ? ORDER BY version DESC")
                .param(articleId)
                .query((rs, n) -> revision(rs))
                .list();
    }

    public Optional<Revision> findRevision(long articleId, int version) {
        return jdbc.sql(REVISION_SELECT + " WHERE article_id = ? AND version = ?")
                .params(articleId, version)
                .query((rs, n) -> revision(rs))
                .optional();
    }

    private static final String REVISION_SELECT =
            "SELECT version, slug, headline, standfirst, body_markdown, section_id, seo_title, seo_description,"
                    + " saved_by_name, saved_at, note FROM article_revision";

    private static Revision revision(ResultSet rs) throws SQLException {
        return new Revision(
                rs.getInt("version"),
                rs.getString("slug"),
                rs.getString("headline"),
                rs.getString("standfirst"),
                rs.getString("body_markdown"),
                rs.getLong("section_id"),
                rs.getString("seo_title"),
                rs.getString("seo_description"),
                rs.getString("saved_by_name"),
                Instant.ofEpochMilli(rs.getLong("saved_at")),
                rs.getString("note"));
    }

    // --- corrections ------------------------------------------------------------------------

    public void insertCorrection(long articleId, String kind, String body, Instant at, long createdBy) {
        jdbc.sql(
                        "INSERT INTO article_correction (article_id, kind, body, published_at, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(articleId, kind, body, at.toEpochMilli(), createdBy)
                .update();
    }

    // --- editorial notes --------------------------------------------------------------------

    /** A staff-only note on a story. */
    public record Note(
            long id,
            @Nullable Long parentId,
            String authorName,
            String body,
            Instant createdAt,
            @Nullable Instant resolvedAt,
            @Nullable String resolvedBy) {}

    public long insertNote(
            long articleId, @Nullable Long parentId, long accountId, String authorName, String body, Instant at) {
        return jdbc.sql("""
                        INSERT INTO editorial_note (article_id, parent_id, account_id, author_name, body, created_at)
                        VALUES (:article, :parent, :account, :name, :body, :at) RETURNING id""")
                .param("article", articleId)
                .param("parent", parentId, Types.BIGINT)
                .param("account", accountId)
                .param("name", authorName)
                .param("body", body)
                .param("at", at.toEpochMilli())
                .query(Long.class)
                .single();
    }

    public List<Note> findNotes(long articleId) {
        return jdbc.sql("SELECT id, parent_id, author_name, body, created_at, resolved_at, resolved_by_name"
                        + " FROM editorial_note WHERE article_id = ? ORDER BY created_at, id")
                .param(articleId)
                .query((rs, n) -> new Note(
                        rs.getLong("id"),
                        SqlValues.nullableLong(rs, "parent_id"),
                        rs.getString("author_name"),
                        rs.getString("body"),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        instant(rs, "resolved_at"),
                        rs.getString("resolved_by_name")))
                .list();
    }

    public boolean noteBelongsTo(long noteId, long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM editorial_note WHERE id = ? AND article_id = ?")
                        .params(noteId, articleId)
                        .query(Integer.class)
                        .single()
                == 1;
    }

    public void resolveNote(long noteId, String resolvedBy, Instant at) {
        jdbc.sql("UPDATE editorial_note SET resolved_at = ?, resolved_by_name = ? WHERE id = ? AND resolved_at IS NULL")
                .params(at.toEpochMilli(), resolvedBy, noteId)
                .update();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Long millis = SqlValues.nullableLong(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
