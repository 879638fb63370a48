package news.broadsheet.article;

import java.util.Map;

/**
 * What became of one story's text from a later export ({@link ImportedText}).
 *
 * @param result what was done
 * @param errors why the text was refused (a message per field, as the editor shows them), when
 *     {@link Result#REFUSED}
 */
public record ImportUpdate(Result result, Map<String, String> errors) {

    public enum Result {
        /** The story took the export's text: no one had edited it here since an import wrote it. */
        UPDATED,
        /**
         * Nothing to bring: the story says what the export says, or it was edited here and the
         * export says what the last import brought.
         */
        UNCHANGED,
        /** Someone saved the story here since it was imported: their text is kept. */
        EDITED_HERE,
        /** The story is gone (deleted since it was imported). */
        GONE,
        /** The export's text cannot be a story (an empty headline, a body over the limit). */
        REFUSED
    }

    public static ImportUpdate of(Result result) {
        return new ImportUpdate(result, Map.of());
    }

    public static ImportUpdate refused(Map<String, String> errors) {
        return new ImportUpdate(Result.REFUSED, Map.copyOf(errors));
    }
}
