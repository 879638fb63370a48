package news.broadsheet.page;

/**
 * What an editor writes on a page.
 *
 * @param slug the address word: the page lives at {@code /<slug>}
 * @param description the meta description and API summary; may be empty
 * @param body Markdown or HTML, as {@code format} says; sanitised when rendered
 * @param inFooter whether the site footer links the page (while it is live)
 * @param footerPosition the order of footer links, smallest first
 */
public record PageContent(
        String slug,
        String title,
        String description,
        String body,
        BodyFormat format,
        boolean inFooter,
        int footerPosition) {

    public static PageContent markdown(String slug, String title, String markdown) {
        return new PageContent(slug, title, "", markdown, BodyFormat.MARKDOWN, false, 0);
    }

    /** A page whose body is HTML from elsewhere (a WordPress page), sanitised like any body. */
    public static PageContent html(String slug, String title, String html) {
        return new PageContent(slug, title, "", html, BodyFormat.HTML, false, 0);
    }

    public PageContent inFooter(int position) {
        return new PageContent(slug, title, description, body, format, true, position);
    }

    public PageContent describedAs(String text) {
        return new PageContent(slug, title, text, body, format, inFooter, footerPosition);
    }
}
