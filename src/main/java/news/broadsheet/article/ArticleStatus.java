package news.broadsheet.article;

import java.util.Locale;

/** Where an article is in its life; only {@link #PUBLISHED} articles whose time has come are public. */
public enum ArticleStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
