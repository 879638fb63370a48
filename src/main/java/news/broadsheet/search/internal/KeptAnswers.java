package news.broadsheet.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.jspecify.annotations.Nullable;

/**
 * This node's recent search answers, so a search asked again is answered from memory while the
 * answer still holds (as Solr's query result cache does): people search for the same few things
 * at once when news breaks. An answer holds while the index is the very one it was found in (any
 * change applied makes a new one) and no story has come out or come down by the clock since (a
 * schedule, an embargo or an expiry changes what is visible without a change to the index); the
 * editors' synonyms and pins are part of the question, so changing them asks afresh.
 *
 * <p>An answer is kept only when its question was asked before (a "doorkeeper", as caches in
 * front of databases use): a question asked once, as most are, is answered and dropped. Keeping
 * every answer, each of several kilobytes, moved the answers of new searches into the old
 * generation, about 3 MB per 1,000 new searches (none with nothing kept), and so brought on a full
 * collection every few minutes under a stream of new searches (bench/search-report.md).
 */
final class KeptAnswers {

    /**
     * Everything an answer depends on besides the index and the clock.
     *
     * @param index the identity of the index reader the answer was found in
     */
    record Question(
            Object index,
            UserQuery query,
            IndexSearch.Editorial editorial,
            IndexSearch.Filters filters,
            boolean newest,
            int offset,
            int limit) {}

    private record Kept(IndexSearch.Found found, long askedAtMillis) {}

    private final @Nullable Cache<Question, Kept> answers;
    /**
     * A mark for each question asked recently, in a slot chosen by its hash: a fixed array, so
     * remembering questions allocates nothing. A question whose slot another took since is asked
     * "for the first time" again; two questions sharing a mark only keep an answer early.
     */
    private final AtomicLongArray asked;

    private final AtomicLong reused = new AtomicLong();

    /** @param entries how many answers to keep at most (the least recently used go first); 0 keeps none */
    KeptAnswers(int entries) {
        this.answers =
                entries <= 0 ? null : Caffeine.newBuilder().maximumSize(entries).build();
        // About twice as many questions remembered as answers kept, in a power of two of slots.
        this.asked = new AtomicLongArray(entries <= 0 ? 0 : Integer.highestOneBit(Math.max(512, entries) * 4 - 1));
    }

    /** The index reader's identity for {@link Question#index()}: the same while nothing in it changes. */
    static Object identity(IndexReader reader) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        return helper == null ? reader : helper.getKey();
    }

    /** The kept answer to the question if it still holds at this time, else null. */
    IndexSearch.@Nullable Found answer(Question question, IndexSearcher searcher, long nowMillis) throws IOException {
        if (answers == null) {
            return null;
        }
        Kept kept = answers.getIfPresent(question);
        if (kept == null) {
            return null;
        }
        if (nowMillis < kept.askedAtMillis() || visibilityChanged(searcher, kept.askedAtMillis(), nowMillis)) {
            answers.invalidate(question);
            return null;
        }
        reused.incrementAndGet();
        return kept.found();
    }

    /** Keeps the answer to a question asked before (whatever the index was then); forgets others. */
    void keep(Question question, IndexSearch.Found found, long askedAtMillis) {
        if (answers != null && askedBefore(question)) {
            answers.put(question, new Kept(found, askedAtMillis));
        }
    }

    private boolean askedBefore(Question question) {
        // The question as the reader asked it: the index it was asked of is left out, so a
        // question asked again after a change to the index still counts as asked before.
        int hash = java.util.Objects.hash(
                question.query(),
                question.editorial(),
                question.filters(),
                question.newest(),
                question.offset(),
                question.limit());
        int slot = (hash ^ (hash >>> 16)) & (asked.length() - 1);
        // The high bit tells a mark from an empty slot (0).
        long mark = (1L << 32) | (hash & 0xFFFF_FFFFL);
        if (asked.get(slot) == mark) {
            return true;
        }
        asked.set(slot, mark);
        return false;
    }

    /** How many searches this node answered from memory. */
    long reused() {
        return reused.get();
    }

    /**
     * Whether a story came out or came down by the clock after one moment and up to another: a
     * story is visible from its {@code visible_from} on, and until (not at) its {@code visible_until}.
     */
    private static boolean visibilityChanged(IndexSearcher searcher, long after, long upTo) throws IOException {
        if (upTo == after) {
            return false;
        }
        BooleanQuery.Builder moments = new BooleanQuery.Builder()
                .add(LongPoint.newRangeQuery(IndexFields.VISIBLE_FROM, after + 1, upTo), Occur.SHOULD)
                .add(LongPoint.newRangeQuery(IndexFields.VISIBLE_UNTIL, after + 1, upTo), Occur.SHOULD);
        return searcher.count(moments.build()) > 0;
    }
}
