package news.broadsheet.comment.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What in a comment's text made a rule hold or reject it, read back from the reasons {@link
 * ModerationDecider} recorded: the suspect and banned words, and whether its links were too many.
 */
public record RuleHits(List<String> words, boolean links) {

    static final String SUSPECT_WORD = "suspect word: ";
    static final String BANNED_WORD = "banned word: ";
    static final String LINKS = "links: ";

    public static RuleHits from(List<String> reasons) {
        List<String> words = new ArrayList<>();
        boolean links = false;
        for (String reason : reasons) {
            if (reason.startsWith(SUSPECT_WORD)) {
                words.add(reason.substring(SUSPECT_WORD.length()));
            } else if (reason.startsWith(BANNED_WORD)) {
                words.add(reason.substring(BANNED_WORD.length()));
            } else if (reason.startsWith(LINKS)) {
                links = true;
            }
        }
        return new RuleHits(words.stream().filter(w -> !w.isBlank()).toList(), links);
    }

    public boolean isEmpty() {
        return words.isEmpty() && !links;
    }
}
