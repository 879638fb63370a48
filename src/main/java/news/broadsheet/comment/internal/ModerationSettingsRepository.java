package news.broadsheet.comment.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the desk-edited rules ({@code moderation_setting}) and the policy overrides of sections and stories. */
@Repository
public class ModerationSettingsRepository {

    private final JdbcClient jdbc;

    ModerationSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> setting(String name) {
        return jdbc.sql("SELECT value FROM moderation_setting WHERE name = ?")
                .param(name)
                .query(String.class)
                .optional();
    }

    public void saveSetting(String name, String value) {
        jdbc.sql("INSERT INTO moderation_setting (name, value) VALUES (?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .params(name, value)
                .update();
    }

    /** A policy override for a section or an article. */
    public record PolicyOverride(
            @Nullable String moderation, @Nullable Integer closeAfterDays) {}

    public Optional<PolicyOverride> policy(String scope, long scopeId) {
        return jdbc.sql("SELECT moderation, close_after_days FROM comment_policy WHERE scope = ? AND scope_id = ?")
                .params(scope, scopeId)
                .query((rs, n) -> {
                    String moderation = rs.getString("moderation");
                    int days = rs.getInt("close_after_days");
                    return new PolicyOverride(moderation, rs.wasNull() ? null : days);
                })
                .optional();
    }

    /**
     * The overrides of a story and of sections, in one query: the story's under {@code "article"},
     * each section's under its id.
     */
    public PolicyOverrides policies(long articleId, List<Long> sectionIds) {
        Map<Long, PolicyOverride> sections = new HashMap<>();
        PolicyOverride[] article = new PolicyOverride[1];
        String sql = "SELECT scope, scope_id, moderation, close_after_days FROM comment_policy"
                + " WHERE (scope = 'article' AND scope_id = :article)"
                + (sectionIds.isEmpty() ? "" : " OR (scope = 'section' AND scope_id IN (:sections))");
        var statement = jdbc.sql(sql).param("article", articleId);
        if (!sectionIds.isEmpty()) {
            statement = statement.param("sections", sectionIds);
        }
        statement.query(rs -> {
            String moderation = rs.getString("moderation");
            int days = rs.getInt("close_after_days");
            PolicyOverride override = new PolicyOverride(moderation, rs.wasNull() ? null : days);
            if ("article".equals(rs.getString("scope"))) {
                article[0] = override;
            } else {
                sections.put(rs.getLong("scope_id"), override);
            }
        });
        return new PolicyOverrides(article[0], Map.copyOf(sections));
    }

    /** A story's own override (or null) and its sections' overrides by section id. */
    public record PolicyOverrides(@Nullable PolicyOverride article, Map<Long, PolicyOverride> sections) {}

    public void savePolicy(String scope, long scopeId, @Nullable String moderation, @Nullable Integer closeAfterDays) {
        jdbc.sql("DELETE FROM comment_policy WHERE scope = ? AND scope_id = ?")
                .params(scope, scopeId)
                .update();
        if (moderation != null || closeAfterDays != null) {
            jdbc.sql("INSERT INTO comment_policy (scope, scope_id, moderation, close_after_days)"
                            + " VALUES (:scope, :id, :moderation, :days)")
                    .param("scope", scope)
                    .param("id", scopeId)
                    .param("moderation", moderation, java.sql.Types.VARCHAR)
                    .param("days", closeAfterDays, java.sql.Types.INTEGER)
                    .update();
        }
    }
}
