package news.broadsheet.comment;

/** What the reader is told after posting: the comment's id and whether it shows yet. */
public record PostedComment(long id, CommentStatus status) {}
