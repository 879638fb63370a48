package news.broadsheet.comment;

import java.util.List;

/**
 * An article's approved comments as readers see them.
 *
 * @param comments the top-level comments, each with its replies
 * @param count how many comments the thread shows, replies included
 */
public record CommentThread(List<CommentView> comments, int count) {

    /** How many levels replies nest before further replies are listed at the last level. */
    public static final int MAX_DEPTH = 4;

    public boolean isEmpty() {
        return comments.isEmpty();
    }
}
