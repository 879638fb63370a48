package news.broadsheet.page;

/** Whether readers may see a page: drafts never, published pages once their publication time has come. */
public enum PageStatus {
    DRAFT("draft", "Draft"),
    PUBLISHED("published", "Published");

    private final String dbValue;
    private final String label;

    PageStatus(String dbValue, String label) {
        this.dbValue = dbValue;
        this.label = label;
    }

    public String dbValue() {
        return dbValue;
    }

    public String label() {
        return label;
    }

    public static PageStatus fromDb(String value) {
        for (PageStatus status : values()) {
            if (status.dbValue.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown page status " + value);
    }
}
