package news.broadsheet.article.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import news.broadsheet.article.EditArticle;
import news.broadsheet.article.EditorialRefusedException;
import news.broadsheet.article.internal.ArticleDraft;
import org.jspecify.annotations.Nullable;

/**
 * The article editor's form as submitted. Every field is text, so nothing a browser sends can
 * fail to bind; {@link #content(Map)} turns it into content and reports what does not parse.
 *
 * @param tags tag names separated by commas; new ones are created on the fly
 * @param version the version the editor started from, for optimistic locking
 */
public record ArticleForm(
        @Nullable String headline,
        @Nullable String standfirst,
        @Nullable String body,
        @Nullable String slug,
        @Nullable String sectionId,
        @Nullable List<String> extraSectionIds,
        @Nullable String tags,
        @Nullable List<String> authorIds,
        @Nullable String seoTitle,
        @Nullable String seoDescription,
        @Nullable String commentsOpen,
        @Nullable String version) {

    static ArticleForm blank(@Nullable Long defaultAuthorId) {
        return new ArticleForm(
                "",
                "",
                "",
                "",
                "",
                List.of(),
                "",
                defaultAuthorId == null ? List.of() : List.of(String.valueOf(defaultAuthorId)),
                "",
                "",
                "on",
                "0");
    }

    static ArticleForm of(ArticleDraft draft) {
        return new ArticleForm(
                draft.headline(),
                draft.standfirst(),
                draft.bodyMarkdown(),
                draft.slug(),
                String.valueOf(draft.sectionId()),
                draft.extraSectionIds().stream().map(String::valueOf).toList(),
                String.join(", ", draft.tagNames()),
                draft.authorIds().stream().map(String::valueOf).toList(),
                draft.seoTitle() == null ? "" : draft.seoTitle(),
                draft.seoDescription() == null ? "" : draft.seoDescription(),
                draft.commentsOpen() ? "on" : null,
                String.valueOf(draft.version()));
    }

    /** The same form, set to another version (after a conflict, to save over the newer one deliberately). */
    ArticleForm atVersion(int newVersion) {
        return new ArticleForm(
                headline,
                standfirst,
                body,
                slug,
                sectionId,
                extraSectionIds,
                tags,
                authorIds,
                seoTitle,
                seoDescription,
                commentsOpen,
                String.valueOf(newVersion));
    }

    EditArticle content(Map<String, String> errors) {
        long section = parseId(sectionId, "sectionId", "Choose a section.", errors);
        return new EditArticle(
                text(headline),
                text(standfirst),
                text(body).replace("\r\n", "\n"),
                text(slug),
                section,
                parseIds(extraSectionIds, "extraSectionIds", errors),
                tagNames(),
                parseIds(authorIds, "authorIds", errors),
                text(seoTitle).isBlank() ? null : text(seoTitle).strip(),
                text(seoDescription).isBlank() ? null : text(seoDescription).strip(),
                commentsOpen != null);
    }

    /**
     * The content, when every field parses.
     *
     * @throws EditorialRefusedException INVALID with a message per field that does not
     */
    EditArticle validContent() {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        EditArticle content = content(errors);
        if (!errors.isEmpty()) {
            throw new EditorialRefusedException(EditorialRefusedException.Kind.INVALID, errors);
        }
        return content;
    }

    int versionOrZero() {
        String value = text(version);
        return value.matches("\\d{1,9}") ? Integer.parseInt(value) : -1;
    }

    List<String> tagNames() {
        return Arrays.stream(text(tags).split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    }

    boolean hasSection(long id) {
        return String.valueOf(id).equals(sectionId);
    }

    boolean hasExtraSection(long id) {
        return extraSectionIds != null && extraSectionIds.contains(String.valueOf(id));
    }

    boolean hasAuthor(long id) {
        return authorIds != null && authorIds.contains(String.valueOf(id));
    }

    static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static long parseId(@Nullable String value, String field, String message, Map<String, String> errors) {
        if (value != null && value.matches("\\d{1,18}")) {
            return Long.parseLong(value);
        }
        errors.put(field, message);
        return -1;
    }

    private static List<Long> parseIds(@Nullable List<String> values, String field, Map<String, String> errors) {
        List<Long> ids = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (value.matches("\\d{1,18}")) {
                ids.add(Long.parseLong(value));
            } else if (!value.isBlank()) {
                errors.put(field, "One of the choices is not valid.");
            }
        }
        return ids;
    }
}
