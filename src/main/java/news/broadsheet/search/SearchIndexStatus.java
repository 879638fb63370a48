package news.broadsheet.search;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The state of this node's search index.
 *
 * @param documents stories in the index (including scheduled and embargoed ones not yet shown)
 * @param lastRebuild when the index was last built from scratch, or null if unknown
 * @param lastRebuildMillis how long that took
 * @param lastAppliedChange the last change-log entry applied
 * @param rebuilding whether a rebuild is running now
 */
public record SearchIndexStatus(
        long documents,
        @Nullable Instant lastRebuild,
        long lastRebuildMillis,
        long lastAppliedChange,
        boolean rebuilding,
        boolean available) {}
