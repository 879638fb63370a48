package news.broadsheet.comment;

/**
 * A reader's or a staff member's comment appeared on a story as it was posted (no moderator was
 * needed); published in the posting's transaction. Moderators' decisions are {@link CommentModerated}.
 */
public record CommentPublished(long articleId, long commentId) {}
