package news.broadsheet.article;

import java.time.Instant;

/**
 * A correction or update note published on a story.
 *
 * @param kind {@code correction} or {@code update}
 */
public record Correction(long articleId, String kind, String text, Instant publishedAt) {

    public String label() {
        return kind.equals("update") ? "Update" : "Correction";
    }
}
