package news.broadsheet.search.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Editors' synonyms and pinned results, with the forms to add more. After a refused form, its
 * input is kept and the reason shown beside it.
 */
public record SearchTermsPage(
        List<Synonyms> synonyms,
        List<Pin> pins,
        @Nullable String notice,
        @Nullable String synonymsProblem,
        @Nullable String pinProblem,
        String synonymsInput,
        String pinQueryInput,
        String pinStoryInput) {

    /** A synonym group. */
    public record Synonyms(long id, String terms, String added) {}

    /** A pinned story; {@code searchUrl} shows readers' results for its search. */
    public record Pin(
            long id, String query, String searchUrl, long articleId, String headline, boolean live, String added) {}
}
