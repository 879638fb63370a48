package news.broadsheet.account;

/**
 * A request about an account that cannot be carried out, with a message for the person asking.
 *
 * @see #field() the form field the message belongs next to, or "" for the whole form
 */
public class AccountException extends RuntimeException {

    private final String field;

    public AccountException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
