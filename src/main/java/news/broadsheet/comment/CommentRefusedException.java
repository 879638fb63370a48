package news.broadsheet.comment;

/** A comment that cannot be accepted on this article, with a reason a reader understands. */
public class CommentRefusedException extends RuntimeException {

    /** Why: each maps to its own status code and place on the form. */
    public enum Reason {
        /** The article no longer takes comments. */
        COMMENTS_CLOSED,
        /** The comment being replied to does not exist, is on another article, or is not approved. */
        PARENT_UNAVAILABLE,
        /** The same commenter posted the same text a moment ago. */
        REPEATED,
        /** Too many comments from one commenter or address in a short time. */
        FLOODED
    }

    private final Reason reason;
    private final long retryAfterSeconds;

    public CommentRefusedException(Reason reason, String message) {
        this(reason, message, 0);
    }

    public CommentRefusedException(Reason reason, String message, long retryAfterSeconds) {
        super(message);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** For {@link Reason#FLOODED}: when the commenter may try again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Reason reason() {
        return reason;
    }
}
