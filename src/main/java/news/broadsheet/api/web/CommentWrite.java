package news.broadsheet.api.web;

import org.jspecify.annotations.Nullable;

/**
 * A comment posted as the token's staff user.
 *
 * @param parentId the approved comment this one replies to, if any
 */
public record CommentWrite(@Nullable String body, @Nullable Long parentId) {}
