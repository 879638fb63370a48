package news.broadsheet.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Feed settings under {@code broadsheet.feeds}.
 *
 * @param content {@code full} (default): items carry the whole story; {@code summary}: the standfirst only
 * @param items how many of the newest stories (or comments) each feed lists
 */
@ConfigurationProperties("broadsheet.feeds")
public record FeedSettings(
        @DefaultValue("full") String content,
        @DefaultValue("30") int items) {

    public FeedSettings {
        if (!content.equals("full") && !content.equals("summary")) {
            throw new IllegalArgumentException("broadsheet.feeds.content must be full or summary, not " + content);
        }
        if (items < 1 || items > 500) {
            throw new IllegalArgumentException("broadsheet.feeds.items must be between 1 and 500, not " + items);
        }
    }

    public boolean fullText() {
        return content.equals("full");
    }
}
