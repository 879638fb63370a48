package news.broadsheet.comment;

import org.jspecify.annotations.Nullable;

/** A reader's comment as submitted, already checked for shape (lengths, email) by the form. */
public record PostComment(
        long articleId,
        @Nullable Long parentId,
        String name,
        @Nullable String email,
        String body,
        String clientAddress) {}
