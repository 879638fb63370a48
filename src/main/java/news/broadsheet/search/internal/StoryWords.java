package news.broadsheet.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * The words a story uses most, which pseudo-relevance feedback reads from the first results of a
 * search. They are worked out once, when the story is indexed, and kept beside it in the index (a
 * binary doc value): reading and analysing the text of ten stories at search time was most of what
 * a search no one had asked before cost (bench/search-report.md).
 *
 * <p>Only the start of a story is read (a news story says what it is about early), and only words
 * that can characterise it (not numbers, not one or two letters). They are chosen by how often the
 * story uses them; how rare each is across the index is weighed when a search reads them, as it
 * changes while stories are added. Choosing by count alone ranked as well as choosing by count and
 * rarity on the three test collections (bench/relevance.py).
 */
final class StoryWords {

    /** Words kept per story. */
    static final int KEPT = 64;
    /** Characters of a story read for its words. */
    static final int CHARACTERS = 4_000;

    /**
     * A story's most used words and each one's share of all its words.
     *
     * @param terms analysed words, most used first
     * @param shares each word's count over the count of all words read, in the order of {@code terms}
     */
    record Words(List<String> terms, double[] shares) {
        static final Words NONE = new Words(List.of(), new double[0]);
    }

    private StoryWords() {}

    /**
     * Counts a story's words as they are analysed, up to {@value #CHARACTERS} characters of its
     * text, and gives them as the index keeps them.
     */
    static final class Counter {
        private final Map<String, int[]> counts = new HashMap<>();
        private int all;
        private int charactersLeft = CHARACTERS;
        private boolean bodyRead;

        /** Counts the words of a short text (the headline, the standfirst): analysed here. */
        void count(Analyzer analyzer, String field, String text) {
            String read = text.length() > charactersLeft ? text.substring(0, charactersLeft) : text;
            try (TokenStream stream = analyzer.tokenStream(field, read)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    count(term);
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            charactersLeft -= read.length();
        }

        /**
         * The body's words analysed once, for the index and for the count: the stream given is
         * counted as the index writer reads it, so {@link #encoded()} can only be read after the
         * writer has read the body to its end (a field after the body's in the document, see
         * {@link #encodedWhenRead()}). Analysing the body a second time for its words made a full
         * rebuild a third slower, and keeping its words to play them again to the writer (as a
         * {@code CachingTokenFilter} does) was 7% of a rebuild's time.
         */
        TokenStream countedAsRead(TokenStream body) {
            return new TokenFilter(body) {
                private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
                private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

                @Override
                public boolean incrementToken() throws IOException {
                    if (!input.incrementToken()) {
                        return false;
                    }
                    if (offset.endOffset() <= charactersLeft) {
                        count(term);
                    }
                    return true;
                }

                @Override
                public void end() throws IOException {
                    super.end();
                    charactersLeft = 0;
                    bodyRead = true;
                }
            };
        }

        /**
         * The words as the index keeps them, worked out when the index writer asks for the field's
         * value: it reads a document's fields in their order, so after the body's.
         */
        Field encodedWhenRead() {
            return new BinaryDocValuesField(IndexFields.STORY_WORDS, new BytesRef()) {
                @Override
                public BytesRef binaryValue() {
                    if (!bodyRead) {
                        throw new IllegalStateException(
                                "a story's words were asked for before the index writer read its body");
                    }
                    return encoded();
                }
            };
        }

        private void count(CharTermAttribute term) {
            all++;
            if (term.length() >= 3 && !allDigits(term)) {
                counts.computeIfAbsent(term.toString(), t -> new int[1])[0]++;
            }
        }

        /** The count of all the words read, then each kept word and its count. */
        BytesRef encoded() {
            List<Map.Entry<String, int[]>> ranked = new ArrayList<>(counts.entrySet());
            if (ranked.size() > KEPT) {
                // Only words used at least as often as the KEPT-th most used can be kept (most of a
                // story's words, used once, are left out before the sort), and of the words used
                // just that often, only the longest that fit: sorting them all was 6% of the
                // indexing threads' time in a profile of a full rebuild.
                int least = kthLargest(ranked, KEPT, word -> word.getValue()[0]);
                ranked.removeIf(word -> word.getValue()[0] < least);
                long above = ranked.stream()
                        .filter(word -> word.getValue()[0] > least)
                        .count();
                List<Map.Entry<String, int[]>> boundary = ranked.stream()
                        .filter(word -> word.getValue()[0] == least)
                        .toList();
                int room = KEPT - (int) above;
                if (boundary.size() > room) {
                    int shortest =
                            kthLargest(boundary, room, word -> word.getKey().length());
                    ranked.removeIf(
                            word -> word.getValue()[0] == least && word.getKey().length() < shortest);
                }
            }
            // Most used first; among equals the longer word (more often a name), then by
            // spelling, so the same text always keeps the same words.
            ranked.sort((a, b) -> {
                int byCount = Integer.compare(b.getValue()[0], a.getValue()[0]);
                if (byCount != 0) {
                    return byCount;
                }
                int byLength = Integer.compare(b.getKey().length(), a.getKey().length());
                return byLength != 0 ? byLength : a.getKey().compareTo(b.getKey());
            });
            ByteBuffersDataOutput out = new ByteBuffersDataOutput();
            try {
                out.writeVInt(all);
                for (var word : ranked.subList(0, Math.min(KEPT, ranked.size()))) {
                    byte[] bytes = word.getKey().getBytes(StandardCharsets.UTF_8);
                    out.writeVInt(bytes.length);
                    out.writeBytes(bytes, bytes.length);
                    out.writeVInt(word.getValue()[0]);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new BytesRef(out.toArrayCopy());
        }
    }

    /** The k-th largest of the values (k from 1, at most the number of entries). */
    private static <T> int kthLargest(List<T> entries, int k, java.util.function.ToIntFunction<T> value) {
        int[] values = new int[entries.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.applyAsInt(entries.get(i));
        }
        Arrays.sort(values);
        return values[values.length - k];
    }

    /** The words the index keeps for a document; none for a document indexed without them. */
    static Words read(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues values = DocValues.getBinary(leaf.reader(), IndexFields.STORY_WORDS);
        if (!values.advanceExact(doc - leaf.docBase)) {
            return Words.NONE;
        }
        BytesRef bytes = values.binaryValue();
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        int all = in.readVInt();
        List<String> terms = new ArrayList<>(KEPT);
        double[] shares = new double[KEPT];
        while (!in.eof()) {
            byte[] term = new byte[in.readVInt()];
            in.readBytes(term, 0, term.length);
            int count = in.readVInt();
            if (terms.size() == shares.length) {
                shares = Arrays.copyOf(shares, shares.length * 2);
            }
            shares[terms.size()] = (double) count / Math.max(1, all);
            terms.add(new String(term, StandardCharsets.UTF_8));
        }
        return new Words(List.copyOf(terms), Arrays.copyOf(shares, terms.size()));
    }

    private static boolean allDigits(CharSequence term) {
        for (int i = 0; i < term.length(); i++) {
            if (!Character.isDigit(term.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
