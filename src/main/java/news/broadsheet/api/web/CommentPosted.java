package news.broadsheet.api.web;

/**
 * What became of a posted comment.
 *
 * @param status {@code approved} (shown now), {@code pending} (held for moderation), {@code rejected} or {@code spam}
 */
public record CommentPosted(long id, long articleId, String status) {}
