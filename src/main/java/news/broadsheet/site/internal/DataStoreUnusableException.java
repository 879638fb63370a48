package news.broadsheet.site.internal;

/**
 * The data directory or the database cannot be used; start-up stops with this explanation (see
 * {@link DataStoreFailureAnalyzer}) instead of a stack trace.
 */
class DataStoreUnusableException extends RuntimeException {

    private final String action;

    DataStoreUnusableException(String problem, String action) {
        super(problem);
        this.action = action;
    }

    DataStoreUnusableException(String problem, String action, Throwable cause) {
        super(problem, cause);
        this.action = action;
    }

    /** What the operator should do about it. */
    String action() {
        return action;
    }
}
