package news.broadsheet.comment;

import java.util.List;

/**
 * What the reader is told after posting: the comment's id, whether it shows yet, and, for a held
 * or rejected comment, the rules that decided it.
 */
public record PostedComment(long id, CommentStatus status, List<String> reasons) {

    /** The reason a reader sees for a rejection: {@code language} for a banned word, else {@code other}. */
    public String rejectionKey() {
        return reasons.stream()
                .filter(r -> r.startsWith("banned word"))
                .findFirst()
                .map(r -> "language")
                .orElse("other");
    }
}
