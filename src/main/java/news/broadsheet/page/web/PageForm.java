package news.broadsheet.page.web;

import java.util.Map;
import news.broadsheet.page.BodyFormat;
import news.broadsheet.page.EditablePage;
import news.broadsheet.page.PageContent;
import news.broadsheet.shared.Slugs;
import org.jspecify.annotations.Nullable;

/** The page editor's form as typed; every field may be missing from a hand-made request. */
public record PageForm(
        @Nullable String title,
        @Nullable String slug,
        @Nullable String description,
        @Nullable String body,
        @Nullable String format,
        @Nullable String inFooter,
        @Nullable String footerPosition,
        @Nullable String version) {

    static PageForm blank() {
        return new PageForm("", "", "", "", "markdown", null, "0", "0");
    }

    static PageForm of(EditablePage page) {
        PageContent content = page.content();
        return new PageForm(
                content.title(),
                content.slug(),
                content.description(),
                content.body(),
                content.format().dbValue(),
                content.inFooter() ? "on" : null,
                String.valueOf(content.footerPosition()),
                String.valueOf(page.version()));
    }

    PageForm atVersion(int newer) {
        return new PageForm(title, slug, description, body, format, inFooter, footerPosition, String.valueOf(newer));
    }

    int versionOrZero() {
        try {
            return version == null ? 0 : Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    boolean footer() {
        return inFooter != null && !inFooter.isBlank();
    }

    /** The content typed, with an empty slug made from the title; problems the facade cannot see go in errors. */
    PageContent content(Map<String, String> errors) {
        String typedTitle = text(title).strip();
        String typedSlug = text(slug).strip();
        int position = 0;
        String typedPosition = text(footerPosition).strip();
        if (!typedPosition.isEmpty()) {
            try {
                position = Integer.parseInt(typedPosition);
            } catch (NumberFormatException e) {
                errors.put("footerPosition", "Give the footer position as a number from 0 to 999.");
            }
        }
        return new PageContent(
                typedSlug.isEmpty() ? Slugs.from(typedTitle) : typedSlug,
                typedTitle,
                text(description).strip(),
                text(body),
                "html".equals(format) ? BodyFormat.HTML : BodyFormat.MARKDOWN,
                footer(),
                position);
    }

    String text(@Nullable String value) {
        return value == null ? "" : value.replace("\r\n", "\n");
    }
}
