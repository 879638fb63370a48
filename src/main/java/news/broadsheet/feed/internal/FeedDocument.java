package news.broadsheet.feed.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One feed before it is written in a format: every address in it is absolute, every text as
 * stored (the writers escape it).
 *
 * @param selfBase the feed's absolute address without its extension, such as {@code https://…/feeds/all}
 * @param updated the newest entry's update time; for an empty feed a fixed time, so it stays cacheable
 */
public record FeedDocument(
        String title, String description, String homeUrl, String selfBase, Instant updated, List<Entry> entries) {

    /**
     * One item.
     *
     * @param id a stable identifier (a tag URI) that survives changes of address
     * @param summary plain text
     * @param contentHtml the whole story (or comment) as sanitised HTML, null in summary mode
     */
    public record Entry(
            String id,
            String url,
            String title,
            String summary,
            @Nullable String contentHtml,
            Instant published,
            Instant updated,
            List<Person> authors,
            List<Category> categories,
            @Nullable Image image) {}

    public record Person(String name, @Nullable String url) {}

    /** A section or tag: {@code scheme} is the absolute address of its page. */
    public record Category(String term, String label, String scheme) {}

    public record Image(String url, String mediaType, String alt) {}
}
