package news.broadsheet.page;

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

    public static BodyFormat fromDb(String value) {
        return value.equals("html") ? HTML : MARKDOWN;
    }
}
