package news.broadsheet.search.web;

import org.jspecify.annotations.Nullable;

/**
 * The search index's status for admins.
 *
 * @param notice a message after an action, or null
 */
public record SearchAdminPage(
        String state,
        long documents,
        @Nullable String lastRebuild,
        @Nullable String lastRebuildDuration,
        long lastAppliedChange,
        boolean rebuilding,
        @Nullable String notice) {}
