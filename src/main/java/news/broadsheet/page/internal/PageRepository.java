package news.broadsheet.page.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.broadsheet.article.StoredBodies;
import news.broadsheet.page.BodyFormat;
import news.broadsheet.page.EditablePage;
import news.broadsheet.page.PageContent;
import news.broadsheet.page.PageLink;
import news.broadsheet.page.PageRevision;
import news.broadsheet.page.PageStatus;
import news.broadsheet.page.PageView;
import news.broadsheet.shared.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the {@code page}, {@code page_revision} and {@code page_retired_slug} tables. */
@Repository
public class PageRepository {

    private static final String LIVE = "status = 'published' AND published_at IS NOT NULL AND published_at <= :now";

    private static final String EDITABLE_COLUMNS = "id, slug, title, description, body_format, body_source, status,"
            + " published_at, in_footer, footer_position, updated_at, version";

    private static final String LINK_COLUMNS = "id, slug, title, description, published_at, updated_at";

    private static final RowMapper<EditablePage> EDITABLE = (rs, n) -> new EditablePage(
            rs.getLong("id"),
            new PageContent(
                    rs.getString("slug"),
                    rs.getString("title"),
                    rs.getString("description"),
                    rs.getString("body_source"),
                    BodyFormat.fromDb(rs.getString("body_format")),
                    rs.getBoolean("in_footer"),
                    rs.getInt("footer_position")),
            PageStatus.fromDb(rs.getString("status")),
            instantOrNull(rs, "published_at"),
            Instant.ofEpochMilli(rs.getLong("updated_at")),
            rs.getInt("version"));

    private static final RowMapper<PageLink> LINK = (rs, n) -> new PageLink(
            rs.getLong("id"),
            rs.getString("slug"),
            rs.getString("title"),
            rs.getString("description"),
            "/" + rs.getString("slug"),
            Instant.ofEpochMilli(rs.getLong("published_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final JdbcClient jdbc;

    PageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- what readers see ----------------------------------------------------------------------

    public Optional<PageView> findLiveBySlug(String slug, Instant now) {
        return jdbc.sql("SELECT id, slug, title, description, body_html, published_at, updated_at FROM page"
                        + " WHERE slug = :slug AND " + LIVE)
                .param("slug", slug)
                .param("now", now.toEpochMilli())
                .query((rs, n) -> new PageView(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getString("body_html"),
                        Instant.ofEpochMilli(rs.getLong("published_at")),
                        Instant.ofEpochMilli(rs.getLong("updated_at")),
                        "/" + rs.getString("slug")))
                .optional();
    }

    public Optional<PageLink> findLiveByRetiredSlug(String slug, Instant now) {
        return jdbc.sql("SELECT " + LINK_COLUMNS + " FROM page WHERE id = (SELECT page_id FROM page_retired_slug"
                        + " WHERE slug = :slug) AND " + LIVE)
                .param("slug", slug)
                .param("now", now.toEpochMilli())
                .query(LINK)
                .optional();
    }

    public List<PageLink> findLive(Instant now) {
        return jdbc.sql("SELECT " + LINK_COLUMNS + " FROM page WHERE " + LIVE + " ORDER BY slug")
                .param("now", now.toEpochMilli())
                .query(LINK)
                .list();
    }

    public List<PageLink> findFooter(Instant now) {
        return jdbc.sql("SELECT " + LINK_COLUMNS + " FROM page WHERE in_footer = :yes AND " + LIVE
                        + " ORDER BY footer_position, title, id")
                .param("yes", true)
                .param("now", now.toEpochMilli())
                .query(LINK)
                .list();
    }

    /** The latest change to any page, or a publication time that has since come; empty without pages. */
    public Optional<Instant> findLastChange(Instant now) {
        Long changed = jdbc.sql("SELECT MAX(changed_at) FROM page")
                .query(Long.class)
                .optional()
                .orElse(null);
        Long cameOut = jdbc.sql("SELECT MAX(published_at) FROM page WHERE " + LIVE)
                .param("now", now.toEpochMilli())
                .query(Long.class)
                .optional()
                .orElse(null);
        long latest = Math.max(changed == null ? 0 : changed, cameOut == null ? 0 : cameOut);
        return latest == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(latest));
    }

    // --- the newsroom --------------------------------------------------------------------------

    public Optional<EditablePage> findById(long id) {
        return jdbc.sql("SELECT " + EDITABLE_COLUMNS + " FROM page WHERE id = ?")
                .param(id)
                .query(EDITABLE)
                .optional();
    }

    public Optional<EditablePage> findBySlug(String slug) {
        return jdbc.sql("SELECT " + EDITABLE_COLUMNS + " FROM page WHERE slug = ?")
                .param(slug)
                .query(EDITABLE)
                .optional();
    }

    public List<EditablePage> findAll() {
        return jdbc.sql("SELECT " + EDITABLE_COLUMNS + " FROM page ORDER BY title, id")
                .query(EDITABLE)
                .list();
    }

    public long insert(
            PageContent content,
            String bodyHtml,
            PageStatus status,
            @Nullable Instant publishedAt,
            @Nullable Long createdBy,
            Instant now) {
        return jdbc.sql("""
                        INSERT INTO page (slug, title, description, body_format, body_source, body_html, status,
                            published_at, in_footer, footer_position, created_by, created_at, updated_at, changed_at,
                            version)
                        VALUES (:slug, :title, :description, :format, :source, :html, :status, :published, :footer,
                            :position, :createdBy, :now, :now, :now, 1) RETURNING id""")
                .param("slug", content.slug())
                .param("title", content.title())
                .param("description", content.description())
                .param("format", content.format().dbValue())
                .param("source", content.body())
                .param("html", bodyHtml)
                .param("status", status.dbValue())
                .param("published", publishedAt == null ? null : publishedAt.toEpochMilli())
                .param("footer", content.inFooter())
                .param("position", content.footerPosition())
                .param("createdBy", createdBy)
                .param("now", now.toEpochMilli())
                .query(Long.class)
                .single();
    }

    /** Pages' bodies in id order after the given id, every status (for making them again). */
    public List<StoredBodies.StoredBody> findBodiesAfter(long id, int limit) {
        return jdbc.sql(
                        "SELECT id, slug, body_format, body_source, body_html FROM page WHERE id > ? ORDER BY id LIMIT ?")
                .params(id, limit)
                .query((rs, row) -> new StoredBodies.StoredBody(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("body_format"),
                        rs.getString("body_source"),
                        rs.getString("body_html")))
                .list();
    }

    /**
     * Replaces a page body's HTML while the page still has the body it was made from; the page's
     * version and times stay (nothing the newsroom wrote changed).
     */
    public boolean replaceBodyHtml(StoredBodies.StoredBody body, String html) {
        return jdbc.sql("""
                        UPDATE page SET body_html = :html
                        WHERE id = :id AND body_format = :format AND body_source = :source AND body_html = :stored""")
                        .param("html", html)
                        .param("id", body.id())
                        .param("format", body.format())
                        .param("source", body.source())
                        .param("stored", body.html())
                        .update()
                == 1;
    }

    /** Writes new content if the page is still at the expected version; false when it is not. */
    public boolean updateContent(long id, int expectedVersion, PageContent content, String bodyHtml, Instant now) {
        return jdbc.sql("""
                                UPDATE page SET slug = :slug, title = :title, description = :description,
                                    body_format = :format, body_source = :source, body_html = :html,
                                    in_footer = :footer, footer_position = :position, updated_at = :now,
                                    changed_at = :now, version = version + 1
                                WHERE id = :id AND version = :version""")
                        .param("slug", content.slug())
                        .param("title", content.title())
                        .param("description", content.description())
                        .param("format", content.format().dbValue())
                        .param("source", content.body())
                        .param("html", bodyHtml)
                        .param("footer", content.inFooter())
                        .param("position", content.footerPosition())
                        .param("now", now.toEpochMilli())
                        .param("id", id)
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    /** Sets the status (and publication time) if the page is still at the expected version. */
    public boolean updateStatus(
            long id, int expectedVersion, PageStatus status, @Nullable Instant publishedAt, Instant now) {
        return jdbc.sql("""
                                UPDATE page SET status = :status, published_at = :published, changed_at = :now,
                                    version = version + 1
                                WHERE id = :id AND version = :version""")
                        .param("status", status.dbValue())
                        .param("published", publishedAt == null ? null : publishedAt.toEpochMilli())
                        .param("now", now.toEpochMilli())
                        .param("id", id)
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    /** The old slug keeps redirecting to the page; a new slug that was someone's old address is freed. */
    public void retireSlug(long id, String oldSlug, String newSlug) {
        jdbc.sql("DELETE FROM page_retired_slug WHERE slug = ? OR slug = ?")
                .params(oldSlug, newSlug)
                .update();
        jdbc.sql("INSERT INTO page_retired_slug (slug, page_id) VALUES (?, ?)")
                .params(oldSlug, id)
                .update();
    }

    /** Deletes the page with its revisions and old addresses; false when there was no such page. */
    public boolean delete(long id) {
        jdbc.sql("DELETE FROM page_revision WHERE page_id = ?").param(id).update();
        jdbc.sql("DELETE FROM page_retired_slug WHERE page_id = ?").param(id).update();
        return jdbc.sql("DELETE FROM page WHERE id = ?").param(id).update() == 1;
    }

    /** A new page at a slug that was another page's old address: the new page owns it now. */
    public void forgetRetiredSlug(String slug) {
        jdbc.sql("DELETE FROM page_retired_slug WHERE slug = ?").param(slug).update();
    }

    public void insertRevision(long pageId, int version, PageContent content, Actor savedBy, Instant at, String note) {
        jdbc.sql("""
                        INSERT INTO page_revision (page_id, version, slug, title, description, body_format,
                            body_source, saved_by, saved_by_name, saved_at, note)
                        VALUES (:page, :version, :slug, :title, :description, :format, :source, :by, :byName, :at,
                            :note)""")
                .param("page", pageId)
                .param("version", version)
                .param("slug", content.slug())
                .param("title", content.title())
                .param("description", content.description())
                .param("format", content.format().dbValue())
                .param("source", content.body())
                .param("by", savedBy.accountId())
                .param("byName", savedBy.name())
                .param("at", at.toEpochMilli())
                .param("note", note)
                .update();
    }

    public List<PageRevision> findRevisions(long pageId) {
        return jdbc.sql(REVISION_SELECT + " WHERE page_id = ? ORDER BY version DESC")
                .param(pageId)
                .query((rs, n) -> revision(rs))
                .list();
    }

    public Optional<PageRevision> findRevision(long pageId, int version) {
        return jdbc.sql(REVISION_SELECT + " WHERE page_id = ? AND version = ?")
                .params(pageId, version)
                .query((rs, n) -> revision(rs))
                .optional();
    }

    private static final String REVISION_SELECT =
            "SELECT version, slug, title, description, body_format, body_source, saved_by_name, saved_at, note"
                    + " FROM page_revision";

    private static PageRevision revision(ResultSet rs) throws SQLException {
        return new PageRevision(
                rs.getInt("version"),
                new PageContent(
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getString("body_source"),
                        BodyFormat.fromDb(rs.getString("body_format")),
                        false,
                        0),
                rs.getString("saved_by_name"),
                Instant.ofEpochMilli(rs.getLong("saved_at")),
                rs.getString("note"));
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
