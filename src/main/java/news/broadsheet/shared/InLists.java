package news.broadsheet.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Values for an SQL {@code IN (...)} list, in chunks of at most {@value #MAX_VALUES}: a statement
 * takes a bounded number of parameters (65,535 on PostgreSQL, fewer on some SQLite builds), and a
 * look-up of every story or comment an import names can exceed that by far. Run one statement per
 * chunk and combine the results.
 */
public final class InLists {

    public static final int MAX_VALUES = 500;

    private InLists() {}

    /** The values in their order, cut into lists of at most {@value #MAX_VALUES}; none when there are none. */
    public static <T> List<List<T>> chunks(Collection<? extends T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>((all.size() + MAX_VALUES - 1) / MAX_VALUES);
        for (int from = 0; from < all.size(); from += MAX_VALUES) {
            chunks.add(all.subList(from, Math.min(all.size(), from + MAX_VALUES)));
        }
        return chunks;
    }
}
