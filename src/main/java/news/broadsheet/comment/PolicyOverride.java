package news.broadsheet.comment;

import org.jspecify.annotations.Nullable;

/**
 * A section's or story's own comment settings; null parts are inherited from the section above or
 * the site.
 */
public record PolicyOverride(
        @Nullable ModerationPolicy policy, @Nullable Integer closeAfterDays) {}
