package news.broadsheet.api.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list. Pass {@code nextCursor} as {@code cursor} (or follow {@code links.next}) for
 * the next page; both are null on the last page.
 */
public record Page<T>(List<T> items, @Nullable String nextCursor, PageLinks links) {

    /** The next page's full address. */
    public record PageLinks(@Nullable String next) {}
}
