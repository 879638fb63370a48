package news.broadsheet.search;

/** A search that cannot be run as asked (broken quotes, no words, a filter that makes no sense); the message says why. */
public class InvalidSearchException extends RuntimeException {

    public InvalidSearchException(String message) {
        super(message);
    }
}
