package news.broadsheet.article;

import java.time.Instant;
import news.broadsheet.section.Section;
import org.jspecify.annotations.Nullable;

/**
 * Which live stories a list holds, for the JSON API: every filter given must match.
 *
 * @param section stories in this section or the sections below it
 * @param since stories published at or after this time
 * @param until stories published before this time
 */
public record StoryFilter(
        @Nullable Section section,
        @Nullable Tag tag,
        news.broadsheet.author.@Nullable Author author,
        @Nullable Instant since,
        @Nullable Instant until) {}
