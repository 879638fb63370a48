package news.broadsheet.comment.web;

import java.util.List;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/**
 * What a reader's e-mailed link shows: the comments written with their address, where each is,
 * and the forms to download and erase them.
 *
 * @param problem why the last erase was not done (the confirmation box not ticked), or null
 */
public record PrivacyPage(
        String email,
        String token,
        List<Item> comments,
        @Nullable String problem) {

    /**
     * One comment.
     *
     * @param headline the story's headline, or null when the story is no longer published
     * @param status how the comment stands: shown, waiting for a moderator, not published
     */
    public record Item(
            @Nullable String headline, @Nullable String url, DisplayTime postedAt, String status, String excerpt) {}

    public String exportUrl() {
        return "/comments/privacy/" + token + "/comments.json";
    }

    public String eraseAction() {
        return "/comments/privacy/" + token + "/erase";
    }
}
