package news.broadsheet.shared;

import java.util.function.Supplier;

/**
 * Runs a short write in a transaction and returns once it is committed, possibly sharing that
 * transaction (and its one flush to disk) with other writes that arrived at the same moment. Made
 * for small, frequent writes from many readers at once, such as comments.
 *
 * <p>The work must be self-contained: it may run on another thread, so it must not depend on the
 * caller's thread-bound state (the signed-in user, the request), and it must only touch the
 * database through the application's transactional data access. If it throws, none of its writes
 * are kept and the caller gets the exception; the other writes sharing the transaction are not
 * affected. A caller already inside a transaction simply runs the work in it.
 */
public interface GroupCommit {

    /** Runs {@code work} in a transaction and returns its result once the transaction committed. */
    <T> T write(Supplier<T> work);
}
