package news.broadsheet.comment.internal;

import java.time.Instant;
import news.broadsheet.comment.CommentStatus;
import org.jspecify.annotations.Nullable;

/** One row of the {@code comment} table, without the fields readers never see. */
public record CommentRow(
        long id,
        long articleId,
        @Nullable Long parentId,
        String authorName,
        String body,
        CommentStatus status,
        Instant createdAt,
        boolean featured,
        boolean staff) {}
