package news.broadsheet.article.web;

import java.util.List;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/** The public list of corrections and updates, newest first. */
public record CorrectionsPage(List<Entry> entries, @Nullable String olderUrl) {

    /** One correction with its story. */
    public record Entry(String label, String text, DisplayTime at, String headline, String url) {}
}
