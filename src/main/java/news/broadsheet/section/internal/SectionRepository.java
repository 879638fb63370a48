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

    public List<Section> findTopLevel() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM section WHERE parent_id IS NULL ORDER BY position, id")
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
}
