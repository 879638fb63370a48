package news.broadsheet.comment.web;

import java.util.List;
import news.broadsheet.comment.ModerationRules;
import org.jspecify.annotations.Nullable;

/**
 * The desk's settings: the rules, and comment policies per section.
 *
 * @param spamFilter the learned filter in one line: its model's age, examples and estimate
 */
public record SettingsPage(
        ModerationRules rules,
        String spamFilter,
        String bannedWords,
        String suspectWords,
        String sitePolicy,
        int siteCloseAfterDays,
        List<SectionPolicy> sections,
        List<Choice> policies,
        List<BanRow> bans,
        @Nullable String notice,
        @Nullable String problem) {

    /** A section with its override, if any. */
    public record SectionPolicy(long id, String label, String policy, String closeAfterDays) {}

    /** An active ban. */
    public record BanRow(long id, String who, String reason, String until, String by) {}

    /** A policy choice: "" inherits. */
    public record Choice(String value, String label) {}
}
