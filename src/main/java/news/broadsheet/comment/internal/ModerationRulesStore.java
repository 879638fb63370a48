package news.broadsheet.comment.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import news.broadsheet.comment.CommentSettings;
import news.broadsheet.comment.ModerationRules;
import org.springframework.stereotype.Component;

/** Reads and writes the desk-edited rules; unset values take the defaults. */
@Component
public class ModerationRulesStore {

    private final ModerationSettingsRepository repository;
    private final CommentSettings settings;

    ModerationRulesStore(ModerationSettingsRepository repository, CommentSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    public ModerationRules current() {
        ModerationRules d = ModerationRules.defaults(settings);
        return new ModerationRules(
                words("banned-words", d.bannedWords()),
                words("suspect-words", d.suspectWords()),
                number("max-links", d.maxLinks()),
                number("repeat-window-minutes", d.repeatWindowMinutes()),
                number("flood-per-minute", d.floodPerMinute()),
                number("rejection-rate-percent", d.rejectionRatePercent()),
                number("rejection-rate-minimum", d.rejectionRateMinimum()));
    }

    public void save(ModerationRules rules) {
        repository.saveSetting("banned-words", String.join("\n", rules.bannedWords()));
        repository.saveSetting("suspect-words", String.join("\n", rules.suspectWords()));
        repository.saveSetting("max-links", String.valueOf(rules.maxLinks()));
        repository.saveSetting("repeat-window-minutes", String.valueOf(rules.repeatWindowMinutes()));
        repository.saveSetting("flood-per-minute", String.valueOf(rules.floodPerMinute()));
        repository.saveSetting("rejection-rate-percent", String.valueOf(rules.rejectionRatePercent()));
        repository.saveSetting("rejection-rate-minimum", String.valueOf(rules.rejectionRateMinimum()));
    }

    /** One word or phrase per line (or comma), lowercased, blanks dropped. */
    public static List<String> parseWords(String text) {
        return Arrays.stream(text.split("[\\n,]"))
                .map(w -> w.strip().toLowerCase(Locale.ROOT))
                .filter(w -> !w.isEmpty())
                .distinct()
                .toList();
    }

    private List<String> words(String name, List<String> fallback) {
        return repository.setting(name).map(ModerationRulesStore::parseWords).orElse(fallback);
    }

    private int number(String name, int fallback) {
        return repository
                .setting(name)
                .filter(v -> v.matches("\\d{1,6}"))
                .map(Integer::parseInt)
                .orElse(fallback);
    }
}
