package news.broadsheet.api.web;

import org.jspecify.annotations.Nullable;

/**
 * An approved comment; replies name the comment they answer in {@code parentId}.
 *
 * @param bodyHtml the text escaped, in paragraphs, with web addresses as links
 */
public record CommentItem(
        long id,
        @Nullable Long parentId,
        String authorName,
        String bodyHtml,
        String postedAt,
        boolean staff,
        boolean featured) {}
