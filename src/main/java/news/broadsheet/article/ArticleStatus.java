package news.broadsheet.article;

import java.util.Locale;

/** Where an article is in its life; published and scheduled articles are public once their time has come. */
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
