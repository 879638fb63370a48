package news.broadsheet.comment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of an article's approved comments as readers see them.
 *
 * @param comments the top-level comments on this page, each with all its replies
 * @param count how many comments readers can see on the whole article, replies included
 * @param moreToken where the next page of top-level comments starts, or null on the last page
 */
public record CommentThread(
        List<CommentView> comments, int count, @Nullable String moreToken) {

    /** How many levels replies nest before further replies are listed at the last level. */
    public static final int MAX_DEPTH = 4;

    /** Top-level comments per page: a story with thousands of comments renders one page at a time. */
    public static final int PAGE_SIZE = 50;

    public boolean isEmpty() {
        return comments.isEmpty();
    }
}
