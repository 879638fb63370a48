package news.broadsheet.page;

import news.broadsheet.article.SafeHtml;

/** How a page's body is written: Markdown (the editor), or HTML (imported pages). Both are sanitised. */
public enum BodyFormat {
    MARKDOWN("markdown"),
    HTML("html");

    private final String dbValue;

    BodyFormat(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    /** What readers see of a body written so: Markdown rendered, HTML taken as it is; sanitised either way. */
    public String toSafeHtml(SafeHtml safeHtml, String body) {
        return this == HTML ? safeHtml.fromHtml(body) : safeHtml.fromMarkdown(body);
    }

    public static BodyFormat fromDb(String value) {
        return value.equals("html") ? HTML : MARKDOWN;
    }
}
