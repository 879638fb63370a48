package news.broadsheet.author;

import java.util.Map;

/** A change to a byline was refused; each entry names a field ("" for the whole form) and says what to fix. */
public class AuthorRefusedException extends RuntimeException {

    private final Map<String, String> errors;

    public AuthorRefusedException(Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        this.errors = Map.copyOf(errors);
    }

    public static AuthorRefusedException of(String field, String message) {
        return new AuthorRefusedException(Map.of(field, message));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
