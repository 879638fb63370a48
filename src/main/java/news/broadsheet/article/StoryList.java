package news.broadsheet.article;

import java.util.List;
import news.broadsheet.shared.Keyset;
import org.jspecify.annotations.Nullable;

/**
 * One page of stories, newest first.
 *
 * @param olderCursor where the next ("Older stories") page starts, or null on the last page
 */
public record StoryList(
        List<ArticleSummary> stories, @Nullable Keyset olderCursor) {}
