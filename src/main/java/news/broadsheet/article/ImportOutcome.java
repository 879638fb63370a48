package news.broadsheet.article;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What became of one story of an imported batch: its new id, or why it was refused (a message per
 * field, as the editor shows them).
 */
public record ImportOutcome(@Nullable Long id, Map<String, String> errors) {

    public static ImportOutcome stored(long id) {
        return new ImportOutcome(id, Map.of());
    }

    public static ImportOutcome refused(Map<String, String> errors) {
        return new ImportOutcome(null, Map.copyOf(errors));
    }
}
