package news.broadsheet.comment.web;

import org.jspecify.annotations.Nullable;

/**
 * The spam filter on the desk: the model in use and what cross-validation promised of it, the
 * examples there are to learn from, and the forms to train now and to upload labelled comments.
 *
 * @param model the model in use, or null while there is none (the rules alone decide)
 */
public record SpamFilterPage(
        boolean enabled,
        @Nullable Model model,
        int decisions,
        int uploaded,
        int minimumPerKind,
        @Nullable String notice,
        @Nullable String problem) {

    /**
     * The stored model, in words.
     *
     * @param age how long ago it was trained, e.g. "12 minutes"
     * @param holds whether it holds comments as spam: not until it learned from {@code
     *     readersBeforeHolding} readers' comments
     */
    public record Model(
            long version,
            String trainedAt,
            String age,
            int spamExamples,
            int hamExamples,
            boolean holds,
            int readersBeforeHolding,
            String hold,
            String likely,
            String falsePositiveRate,
            String holdF1,
            String likelyF1) {}
}
