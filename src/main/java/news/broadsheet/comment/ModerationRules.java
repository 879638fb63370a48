package news.broadsheet.comment;

import java.util.List;

/**
 * The rules every new comment passes through, edited on the moderation desk.
 *
 * @param bannedWords a comment containing one is rejected
 * @param suspectWords a comment containing one is held for a moderator
 * @param maxLinks a comment with more links than this is held
 * @param repeatWindowMinutes the same text from the same commenter within this window is refused
 * @param floodPerMinute more comments than this per minute from one commenter or address get a 429
 * @param rejectionRatePercent a commenter whose recent decided comments were rejected more often than this is held
 * @param rejectionRateMinimum how many decided comments the rejection rate needs before it counts
 */
public record ModerationRules(
        List<String> bannedWords,
        List<String> suspectWords,
        int maxLinks,
        int repeatWindowMinutes,
        int floodPerMinute,
        int rejectionRatePercent,
        int rejectionRateMinimum) {

    /** The rules before the desk has changed any: no word lists, limits from the settings. */
    public static ModerationRules defaults(CommentSettings settings) {
        return new ModerationRules(
                List.of(), List.of(), 2, settings.repeatWindowMinutes(), settings.floodPerMinute(), 50, 4);
    }
}
