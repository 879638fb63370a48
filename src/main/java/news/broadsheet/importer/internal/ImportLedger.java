package news.broadsheet.importer.internal;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.broadsheet.shared.InLists;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What has been imported from which WordPress site ({@code wp_import_item}), and the old
 * addresses that answer with a redirect ({@code wp_redirect}).
 */
@Repository
public class ImportLedger {

    /** An attachment as recorded: the image it became (0 if none) and its original address. */
    public record Attachment(
            String wpId, long imageId, @Nullable String sourceUrl) {}

    /** Where an old address points. */
    public record Target(String kind, long id) {}

    /** One imported item, as {@link #record} takes it. */
    public record Entry(
            String kind,
            String wpId,
            long targetId,
            @Nullable String guid,
            @Nullable String parentWpId,
            @Nullable String sourceUrl) {}

    /** An old address and what it points at, as {@link #redirect} takes it. */
    public record Redirect(String oldPath, String kind, long targetId) {}

    private static final String RECORD = """
            INSERT INTO wp_import_item (site, kind, wp_id, target_id, guid, parent_wp_id, source_url, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (site, kind, wp_id) DO NOTHING""";
    private static final int[] RECORD_TYPES = {
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.BIGINT,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.VARCHAR,
        Types.BIGINT
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private volatile boolean redirectsAdded;

    ImportLedger(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<Long> find(String site, String kind, String wpId) {
        return jdbc.sql("SELECT target_id FROM wp_import_item WHERE site = ? AND kind = ? AND wp_id = ?")
                .params(site, kind, wpId)
                .query(Long.class)
                .optional();
    }

    public Optional<Long> findByGuid(String site, String kind, String guid) {
        List<Long> found = jdbc.sql("SELECT target_id FROM wp_import_item WHERE site = ? AND kind = ? AND guid = ?")
                .params(site, kind, clippedGuid(guid))
                .query((rs, n) -> rs.getLong(1))
                .list();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Of these GUIDs, those already imported, with what they became. */
    public Map<String, Long> findAllByGuid(String site, String kind, Collection<String> guids) {
        Map<String, Long> found = new HashMap<>();
        for (List<String> chunk : InLists.chunks(
                guids.stream().map(ImportLedger::clippedGuid).distinct().toList())) {
            jdbc.sql("SELECT guid, target_id FROM wp_import_item WHERE site = :site AND kind = :kind"
                            + " AND guid IN (:guids)")
                    .param("site", site)
                    .param("kind", kind)
                    .param("guids", chunk)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .list()
                    .forEach(e -> found.putIfAbsent(e.getKey(), e.getValue()));
        }
        return found;
    }

    /** Of these WordPress ids, those already imported, with what they became. */
    public Map<String, Long> findAll(String site, String kind, Collection<String> wpIds) {
        Map<String, Long> found = new HashMap<>();
        for (List<String> ids : InLists.chunks(wpIds)) {
            jdbc.sql("SELECT wp_id, target_id FROM wp_import_item WHERE site = :site AND kind = :kind"
                            + " AND wp_id IN (:ids)")
                    .param("site", site)
                    .param("kind", kind)
                    .param("ids", ids)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .list()
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    public void record(
            String site,
            String kind,
            String wpId,
            long targetId,
            @Nullable String guid,
            @Nullable String parentWpId,
            @Nullable String sourceUrl,
            Instant at) {
        template.update(
                RECORD, row(site, new Entry(kind, wpId, targetId, guid, parentWpId, sourceUrl), at), RECORD_TYPES);
    }

    /** Records many items in one batch; an item recorded before keeps its first record. */
    public void recordAll(String site, List<Entry> entries, Instant at) {
        if (!entries.isEmpty()) {
            template.batchUpdate(
                    RECORD, entries.stream().map(entry -> row(site, entry, at)).toList(), RECORD_TYPES);
        }
    }

    private static Object[] row(String site, Entry entry, Instant at) {
        return new Object[] {
            site,
            entry.kind(),
            clip(entry.wpId(), 200),
            entry.targetId(),
            entry.guid() == null ? null : clippedGuid(entry.guid()),
            entry.parentWpId() == null ? null : clip(entry.parentWpId(), 40),
            entry.sourceUrl() == null ? null : clip(entry.sourceUrl(), 1000),
            at.toEpochMilli()
        };
    }

    private static String clippedGuid(String guid) {
        return clip(guid, 1000);
    }

    public List<Attachment> attachments(String site, Collection<String> wpIds) {
        List<Attachment> found = new ArrayList<>();
        for (List<String> ids : InLists.chunks(wpIds)) {
            found.addAll(jdbc.sql("SELECT wp_id, target_id, source_url FROM wp_import_item WHERE site = :site"
                            + " AND kind = 'attachment' AND wp_id IN (:ids)")
                    .param("site", site)
                    .param("ids", ids)
                    .query((rs, n) -> new Attachment(rs.getString(1), rs.getLong(2), rs.getString(3)))
                    .list());
        }
        return found;
    }

    public List<Attachment> attachmentsOf(String site, String postWpId) {
        return jdbc.sql("SELECT wp_id, target_id, source_url FROM wp_import_item WHERE site = ?"
                        + " AND kind = 'attachment' AND parent_wp_id = ? ORDER BY imported_at, wp_id")
                .params(site, postWpId)
                .query((rs, n) -> new Attachment(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .list();
    }

    /** Points an old address at what it became; the first import to claim an address keeps it. */
    public void redirect(String oldPath, String kind, long targetId) {
        redirectAll(List.of(new Redirect(oldPath, kind, targetId)));
    }

    /** Points many old addresses in one batch, as {@link #redirect} does one. */
    public void redirectAll(List<Redirect> redirects) {
        List<Object[]> rows = redirects.stream()
                .filter(redirect -> redirect.oldPath().length() <= 1000)
                .map(redirect -> new Object[] {redirect.oldPath(), redirect.kind(), redirect.targetId()})
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate(
                "INSERT INTO wp_redirect (old_path, target_kind, target_id) VALUES (?, ?, ?)"
                        + " ON CONFLICT (old_path) DO NOTHING",
                rows);
        redirectsAdded = true;
    }

    /**
     * Brings PostgreSQL's statistics of the ledger up to date. A large import grows it from nothing
     * to millions of rows within one run, faster than autovacuum analyses it (where it runs at all):
     * with stale statistics the planner takes the ledger for a few rows and looks items up by
     * scanning them, so every batch gets slower. SQLite's planner needs no statistics for these
     * lookups.
     */
    public void refreshStatistics() {
        boolean postgreSql = Boolean.TRUE.equals(
                template.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) connection ->
                        "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
        if (postgreSql) {
            template.execute("ANALYZE wp_import_item");
        }
    }

    /** Whether this node has written redirects since it started (other nodes learn within seconds). */
    public boolean redirectsAddedHere() {
        return redirectsAdded;
    }

    public Optional<Target> redirectFor(String path) {
        return jdbc.sql("SELECT target_kind, target_id FROM wp_redirect WHERE old_path = ?")
                .param(path)
                .query((rs, n) -> new Target(rs.getString(1), rs.getLong(2)))
                .optional();
    }

    public boolean anyRedirects() {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM wp_redirect LIMIT 1) r")
                        .query(Integer.class)
                        .single()
                > 0;
    }

    static String clip(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
