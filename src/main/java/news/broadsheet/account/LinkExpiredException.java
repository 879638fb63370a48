package news.broadsheet.account;

/** A one-time link that does not work (any more): unknown, used, replaced, expired, or its account disabled. */
public class LinkExpiredException extends RuntimeException {

    public LinkExpiredException() {
        super("This link has expired or has already been used.");
    }
}
