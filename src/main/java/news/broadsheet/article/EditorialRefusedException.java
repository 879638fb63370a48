package news.broadsheet.article;

import java.util.Map;

/**
 * An editorial request refused by the workflow, with a message per field (the key "" is the whole
 * request): invalid content, an action the user's role does not allow, or an edit conflict.
 */
public class EditorialRefusedException extends RuntimeException {

    /** Why the request was refused. */
    public enum Kind {
        INVALID,
        FORBIDDEN,
        CONFLICT
    }

    private final Kind kind;
    private final Map<String, String> errors;

    public EditorialRefusedException(Kind kind, Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        this.kind = kind;
        this.errors = Map.copyOf(errors);
    }

    public static EditorialRefusedException invalid(String field, String message) {
        return new EditorialRefusedException(Kind.INVALID, Map.of(field, message));
    }

    public static EditorialRefusedException forbidden(String message) {
        return new EditorialRefusedException(Kind.FORBIDDEN, Map.of("", message));
    }

    public Kind kind() {
        return kind;
    }

    public Map<String, String> errors() {
        return errors;
    }
}
