package news.broadsheet.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/**
 * The words of each story that pseudo-relevance feedback reads, kept once worked out: the stories
 * at the top of one search are often at the top of the next, and reading and analysing ten of them
 * was a search's largest cost. Kept per index segment and document, which never change (an edited
 * story is a new document), so nothing needs dropping when the index changes; the least recently
 * used go first.
 */
final class StoryWords {

    /**
     * A story's words that weigh most and each one's share of all its words.
     *
     * @param terms analysed words, those that weigh most (frequent, and rare in the index) first
     * @param shares each word's count over the story's word count, in the order of {@code terms}
     */
    record Words(String[] terms, double[] shares) {
        static final Words NONE = new Words(new String[0], new double[0]);
    }

    /** How a story's words are worked out from its document number, when not kept. */
    @FunctionalInterface
    interface Reader {
        Words read(int doc) throws IOException;
    }

    private record Key(Object segment, int doc) {}

    private final Cache<Key, Words> kept;

    StoryWords(int entries) {
        this.kept = Caffeine.newBuilder().maximumSize(Math.max(1, entries)).build();
    }

    Words of(IndexReader index, int doc, Reader reader) throws IOException {
        List<LeafReaderContext> leaves = index.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        var helper = leaf.reader().getCoreCacheHelper();
        if (helper == null) {
            return reader.read(doc);
        }
        try {
            return kept.get(new Key(helper.getKey(), doc - leaf.docBase), key -> {
                try {
                    return reader.read(doc);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
