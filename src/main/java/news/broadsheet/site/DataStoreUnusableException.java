package news.broadsheet.site;

/**
 * The data directory or the database cannot be used; start-up stops with this explanation instead
 * of a stack trace (the site through Spring Boot's failure analysis, a command on its own).
 */
public class DataStoreUnusableException extends RuntimeException {

    private final String action;

    public DataStoreUnusableException(String problem, String action) {
        super(problem);
        this.action = action;
    }

    public DataStoreUnusableException(String problem, String action, Throwable cause) {
        super(problem, cause);
        this.action = action;
    }

    /** What the operator should do about it. */
    public String action() {
        return action;
    }
}
