package news.broadsheet.article;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an editor writes into an article, everything a save changes: from the editor's form or,
 * through {@link EditorialDesk}, the JSON API.
 *
 * @param slug the address word; blank means "make one from the headline"
 */
public record EditArticle(
        String headline,
        String standfirst,
        String bodyMarkdown,
        String slug,
        long sectionId,
        List<Long> extraSectionIds,
        List<String> tagNames,
        List<Long> authorIds,
        @Nullable String seoTitle,
        @Nullable String seoDescription,
        boolean commentsOpen) {

    /** The same story with another headline, standfirst and body, as a later import brings. */
    public EditArticle withText(String otherHeadline, String otherStandfirst, String otherBodyMarkdown) {
        return new EditArticle(
                otherHeadline,
                otherStandfirst,
                otherBodyMarkdown,
                slug,
                sectionId,
                extraSectionIds,
                tagNames,
                authorIds,
                seoTitle,
                seoDescription,
                commentsOpen);
    }

    /** The same content at another address, as when an import finds its slug taken. */
    public EditArticle withSlug(String otherSlug) {
        return new EditArticle(
                headline,
                standfirst,
                bodyMarkdown,
                otherSlug,
                sectionId,
                extraSectionIds,
                tagNames,
                authorIds,
                seoTitle,
                seoDescription,
                commentsOpen);
    }
}
