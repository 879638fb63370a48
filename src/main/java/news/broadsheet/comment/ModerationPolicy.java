package news.broadsheet.comment;

/** Whether new comments wait for a moderator ({@link #PRE}) or appear at once ({@link #POST}). */
public enum ModerationPolicy {
    PRE,
    POST
}
