package news.broadsheet.comment;

/** A comment that cannot be accepted on this article, with a reason a reader understands. */
public class CommentRefusedException extends RuntimeException {

    /** Why: each maps to its own status code and place on the form. */
    public enum Reason {
        /** The article no longer takes comments. */
        COMMENTS_CLOSED,
        /** The comment being replied to does not exist, is on another article, or is not approved. */
        PARENT_UNAVAILABLE
    }

    private final Reason reason;

    public CommentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
