package news.broadsheet.search.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * A story's body text as the index keeps it, for snippets and related stories: deflated on its
 * own and stored as bytes.
 *
 * <p>Lucene compresses stored fields (LZ4) in blocks shared by several stories, and reading one
 * story's text as a stored string decompressed its block up to it, reading the mapped file a byte
 * at a time with a check on every read: a tenth of what a new search cost in the benchmark's
 * profile, for ten snippets. Deflated text is entropy-coded, so Lucene's LZ4 finds nothing in it to
 * match and keeps it as runs that it copies whole, and the story's text is inflated from memory.
 * (Kept in a doc value instead, the text was as quick to read, but it is held in the writer's
 * memory until a segment is written, and a rebuild of 100,000 stories took 70-80 s instead of 60.)
 */
final class StoryText {

    /**
     * A compressor per indexing thread (its native state is some 300 KB), reset for each story
     * instead of made for each; at deflate's fastest level.
     */
    private static final ThreadLocal<Deflater> DEFLATERS =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));

    private static final Set<String> BODY_ONLY = Set.of(IndexFields.BODY);

    private StoryText() {}

    /** The stored field for a story's body text. */
    static StoredField stored(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setInput(utf8);
        deflater.finish();
        // The length in front, then the deflated text (no bigger than the text and a few bytes a block).
        byte[] out = new byte[5 + utf8.length + utf8.length / 1000 * 5 + 64];
        ByteArrayDataOutput length = new ByteArrayDataOutput(out);
        try {
            length.writeVInt(utf8.length);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        int size = length.getPosition();
        while (!deflater.finished()) {
            if (size == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            size += deflater.deflate(out, size, out.length - size);
        }
        return new StoredField(IndexFields.BODY, Arrays.copyOf(out, size));
    }

    /**
     * A story's body text, at most {@code maxChars} characters of it; null when the document has
     * none (it was indexed without one).
     */
    static @Nullable String read(StoredFields stored, int doc, int maxChars) throws IOException {
        BytesRef kept = stored.document(doc, BODY_ONLY).getBinaryValue(IndexFields.BODY);
        if (kept == null) {
            return null;
        }
        ByteArrayDataInput in = new ByteArrayDataInput(kept.bytes, kept.offset, kept.length);
        byte[] utf8 = new byte[in.readVInt()];
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(kept.bytes, in.getPosition(), kept.offset + kept.length - in.getPosition());
            int read = 0;
            while (read < utf8.length && !inflater.finished()) {
                int inflated = inflater.inflate(utf8, read, utf8.length - read);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                read += inflated;
            }
            if (read != utf8.length) {
                throw new IOException("A story's text in the index is cut short: document " + doc);
            }
        } catch (DataFormatException e) {
            throw new IOException("A story's text in the index is damaged: document " + doc, e);
        } finally {
            inflater.end();
        }
        String text = new String(utf8, StandardCharsets.UTF_8);
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
            StoredFields stored = searcher.storedFields();
            List<CharSequence[]> texts = new ArrayList<>();
            int chars = 0;
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                String text = read(stored, doc, getMaxLength());
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
