package news.broadsheet.page;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A whole page as an importer has it: content, status and publication time.
 *
 * @param publishedAt when the page was (or will be) published; null means now for a published page
 */
public record WritePage(
        PageContent content, PageStatus status, @Nullable Instant publishedAt) {}
