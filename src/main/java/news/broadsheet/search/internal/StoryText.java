package news.broadsheet.search.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * A story's body text as the index keeps it, for snippets and related stories: compressed on its
 * own (LZ4) in a binary doc value.
 *
 * <p>A stored field would be compressed in blocks shared by several stories, and reading one
 * story's text decompressed its block up to it, reading the mapped file a byte at a time with a
 * check on every read: a tenth of what a new search cost in the benchmark's profile, for ten
 * snippets. A doc value is read as one copy of the story's own bytes, decompressed in memory.
 */
final class StoryText {

    /** Lucene's LZ4, as its stored fields use it in their fastest mode. */
    private static final CompressionMode LZ4 = CompressionMode.FAST;
    /**
     * A compressor per indexing thread: its table (32 KB) is cleared for each story instead of
     * allocated for each, which a rebuild of 100,000 stories would have done 100,000 times.
     */
    private static final ThreadLocal<Compressor> COMPRESSORS = ThreadLocal.withInitial(LZ4::newCompressor);

    private StoryText() {}

    /** The doc value for a story's body text. */
    static BinaryDocValuesField field(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        // LZ4's worst case (nothing repeats), and the length in front.
        byte[] out = new byte[5 + utf8.length + utf8.length / 255 + 16];
        ByteArrayDataOutput compressed = new ByteArrayDataOutput(out);
        try {
            compressed.writeVInt(utf8.length);
            COMPRESSORS.get().compress(new ByteBuffersDataInput(List.of(ByteBuffer.wrap(utf8))), compressed);
        } catch (IOException e) {
            throw new IllegalStateException("compressing to memory cannot fail", e);
        }
        return new BinaryDocValuesField(IndexFields.BODY_TEXT, new BytesRef(out, 0, compressed.getPosition()));
    }

    /**
     * A story's body text, at most {@code maxChars} characters of it; null when the document has
     * none (it was indexed without one).
     */
    static @Nullable String read(IndexReader reader, int doc, int maxChars) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues values = DocValues.getBinary(leaf.reader(), IndexFields.BODY_TEXT);
        if (!values.advanceExact(doc - leaf.docBase)) {
            return null;
        }
        BytesRef stored = values.binaryValue();
        ByteArrayDataInput in = new ByteArrayDataInput(stored.bytes, stored.offset, stored.length);
        int length = in.readVInt();
        BytesRef utf8 = new BytesRef();
        LZ4.newDecompressor().decompress(in, length, 0, length, utf8);
        String text = new String(utf8.bytes, utf8.offset, utf8.length, StandardCharsets.UTF_8);
        return text.length() > maxChars ? text.substring(0, maxChars) : text;
    }

    /** Lucene's highlighter for the body, reading its text as kept here (the stock one reads a stored field). */
    static final class Highlighter extends UnifiedHighlighter {

        Highlighter(Builder builder) {
            super(builder);
        }

        /** As the stock loader: the documents in order, a batch at a time of about so many characters. */
        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            if (!List.of(fields).equals(List.of(IndexFields.BODY))) {
                throw new IllegalArgumentException("Only the body is highlighted, not " + List.of(fields));
            }
            List<CharSequence[]> texts = new ArrayList<>();
            int chars = 0;
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                String text = read(searcher.getIndexReader(), doc, getMaxLength());
                texts.add(new CharSequence[] {text});
                chars += text == null ? 0 : text.length();
                if (cacheCharsThreshold == 0 || chars > cacheCharsThreshold) {
                    break;
                }
            }
            return texts;
        }
    }
}
