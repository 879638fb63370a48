package news.broadsheet.section.internal;

import java.util.List;
import java.util.Optional;
import news.broadsheet.section.Section;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the {@code section} table. */
@Repository
public class SectionRepository {

    private static final String COLUMNS = "id, parent_id, slug, name, description, path";

    private static final RowMapper<Section> ROW = (rs, n) -> new Section(
            rs.getLong("id"),
            rs.getObject("parent_id") == null ? null : rs.getLong("parent_id"),
            rs.getString("slug"),
            rs.getString("name"),
            rs.getString("description"),
            rs.getString("path"));

    private final JdbcClient jdbc;

    SectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Section> findByPath(String path) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM section WHERE path = ?")
                .param(path)
                .query(ROW)
                .optional();
    }

    public Optional<Section> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM section WHERE id = ?")
                .param(id)
                .query(ROW)
                .optional();
    }

    public List<Section> findByIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM section WHERE id IN (:ids)")
                .param("ids", ids)
                .query(ROW)
                .list();
    }

    public List<Section> findTopLevel() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM section WHERE parent_id IS NULL ORDER BY position, id")
                .query(ROW)
                .list();
    }

    public List<Section> findChildren(long parentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM section WHERE parent_id = ? ORDER BY position, id")
                .param(parentId)
                .query(ROW)
                .list();
    }

    public List<Long> findSubtreeIds(String path) {
        return jdbc.sql("SELECT id FROM section WHERE path = ? OR path LIKE ? ORDER BY id")
                .param(path)
                .param(path + "/%")
                .query(Long.class)
                .list();
    }

    public Optional<Long> findIdByRetiredPath(String path) {
        return jdbc.sql("SELECT section_id FROM section_retired_path WHERE path = ?")
                .param(path)
                .query(Long.class)
                .optional();
    }

    public List<Section> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM section ORDER BY path")
                .query(ROW)
                .list();
    }

    public void update(long id, @Nullable Long parentId, String slug, String name, String description) {
        jdbc.sql("UPDATE section SET parent_id = :parent, slug = :slug, name = :name, description = :description"
                        + " WHERE id = :id")
                .param("parent", parentId, java.sql.Types.BIGINT)
                .param("slug", slug)
                .param("name", name)
                .param("description", description)
                .param("id", id)
                .update();
    }

    /**
     * Moves a section and everything below it from one path to another, keeping every old path as
     * a redirect.
     */
    public void movePaths(String oldPath, String newPath) {
        List<Section> moving = jdbc.sql("SELECT " + COLUMNS + " FROM section WHERE path = ? OR path LIKE ?")
                .params(oldPath, oldPath + "/%")
                .query(ROW)
                .list();
        for (Section section : moving) {
            String moved = newPath + section.path().substring(oldPath.length());
            jdbc.sql("DELETE FROM section_retired_path WHERE path = ?")
                    .param(moved)
                    .update();
            jdbc.sql("INSERT INTO section_retired_path (path, section_id) VALUES (?, ?)"
                            + " ON CONFLICT (path) DO UPDATE SET section_id = excluded.section_id")
                    .params(section.path(), section.id())
                    .update();
            jdbc.sql("UPDATE section SET path = ? WHERE id = ?")
                    .params(moved, section.id())
                    .update();
        }
    }

    public int countChildren(@Nullable Long parentId) {
        return parentId == null
                ? jdbc.sql("SELECT COUNT(*) FROM section WHERE parent_id IS NULL")
                        .query(Integer.class)
                        .single()
                : jdbc.sql("SELECT COUNT(*) FROM section WHERE parent_id = ?")
                        .param(parentId)
                        .query(Integer.class)
                        .single();
    }

    public long insert(
            @Nullable Long parentId, String slug, String name, String description, String path, int position) {
        return jdbc.sql("""
                        INSERT INTO section (parent_id, slug, name, description, path, position)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(parentId, slug, name, description, path, position)
                .query(Long.class)
                .single();
    }

    /** Deletes a section that has no sections below it, with its old addresses. */
    public boolean delete(long id) {
        jdbc.sql("DELETE FROM section_retired_path WHERE section_id = ?")
                .param(id)
                .update();
        return jdbc.sql("DELETE FROM section WHERE id = ?").param(id).update() > 0;
    }
}
