package news.broadsheet.author.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One byline's screen: its details, the account that writes as it, its photo, and retiring or
 * merging it. Every form posts to an address it carries.
 */
public record AuthorEditPage(
        String title,
        long id,
        AuthorsPage.Fields form,
        List<AuthorsPage.Option> accounts,
        @Nullable Photo photo,
        boolean retired,
        List<AuthorsPage.Option> survivors,
        String pageUrl,
        String saveAction,
        String photoAction,
        String photoRemoveAction,
        String retireAction,
        String restoreAction,
        String mergeAction,
        Map<String, String> errors,
        @Nullable String notice,
        @Nullable String problem) {

    public @Nullable String error(String field) {
        return errors.get(field);
    }

    /** The byline's photo as the newsroom sees it. */
    public record Photo(String url, String srcset, int width, int height, String alt) {}
}
