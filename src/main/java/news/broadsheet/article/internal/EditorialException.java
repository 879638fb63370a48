package news.broadsheet.article.internal;

import java.util.Map;

/**
 * An editorial request that cannot be carried out as asked, with a message per form field (the
 * key "" is the whole form) for the person asking.
 */
public class EditorialException extends RuntimeException {

    /** Why, which decides the status code: a field to fix, an action not allowed, or an edit conflict. */
    public enum Kind {
        INVALID,
        FORBIDDEN,
        CONFLICT
    }

    private final Kind kind;
    private final Map<String, String> errors;

    public EditorialException(Kind kind, Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        this.kind = kind;
        this.errors = Map.copyOf(errors);
    }

    public static EditorialException invalid(String field, String message) {
        return new EditorialException(Kind.INVALID, Map.of(field, message));
    }

    public static EditorialException forbidden(String message) {
        return new EditorialException(Kind.FORBIDDEN, Map.of("", message));
    }

    public Kind kind() {
        return kind;
    }

    public Map<String, String> errors() {
        return errors;
    }
}
