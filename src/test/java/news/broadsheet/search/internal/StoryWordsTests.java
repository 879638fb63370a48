package news.broadsheet.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The words kept in the index for feedback, through a real Lucene index of a few documents. */
class StoryWordsTests {

    final Analyzer analyzer = IndexFields.analyzer();

    @Test
    void keepsTheMostUsedWordsStemmedWithTheirShareOfAllWords() throws IOException {
        StoryWords.Words words = indexedAndRead(
                "Ferries return",
                "Harbour ferries sailed again. The ferry crews cheered; ferries were late in 2024 at 9 am.");

        // "ferries" and "ferry" stem to "ferri" (4 times); "the", "in" and "at" are stop words;
        // "2024" is a number and "9" and "am" are too short to say what a story is about.
        assertThat(words.terms().getFirst()).isEqualTo("ferri");
        assertThat(words.terms()).doesNotContain("the", "2024", "9", "am");
        assertThat(words.terms()).contains("harbour", "crew", "cheer", "late", "return", "sail", "again", "were");
        int analysed = 15; // all words but the stop words, the number and the short words included
        assertThat(words.shares()[0]).isCloseTo(4.0 / analysed, within(1e-9));
    }

    @Test
    void readsOnlyTheStartOfALongStoryAndKeepsAtMostTheLimit() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < StoryWords.CHARACTERS; i++) {
            body.append("word").append(Character.toString('a' + i % 26)).append(Character.toString('a' + i / 26 % 26));
            body.append(' ');
        }
        body.append("latecomer latecomer latecomer latecomer latecomer latecomer");

        StoryWords.Words words = indexedAndRead("Headline", body.toString());

        assertThat(words.terms()).hasSize(StoryWords.KEPT).doesNotContain("latecom");
    }

    @Test
    void aDocumentIndexedWithoutThemHasNone() throws IOException {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            Document doc = new Document();
            doc.add(new StringField(IndexFields.ID, "1", Field.Store.NO));
            writer.addDocument(doc);
            writer.commit();
            try (var reader = DirectoryReader.open(directory)) {
                assertThat(StoryWords.read(reader, 0)).isEqualTo(StoryWords.Words.NONE);
            }
        }
    }

    private StoryWords.Words indexedAndRead(String headline, String body) throws IOException {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            // Another story first, so the one read is not the first document.
            for (String[] story : new String[][] {{"Other story", "About trains"}, {headline, body}}) {
                StoryWords.Counter words = new StoryWords.Counter();
                words.count(analyzer, IndexFields.BODY, story[0] + "\n\n");
                Document doc = new Document();
                doc.add(new Field(
                        IndexFields.BODY,
                        words.countedAndReplayed(analyzer.tokenStream(IndexFields.BODY, story[1])),
                        TextField.TYPE_NOT_STORED));
                doc.add(new BinaryDocValuesField(IndexFields.STORY_WORDS, words.encoded()));
                writer.addDocument(doc);
            }
            writer.commit();
            try (var reader = DirectoryReader.open(directory)) {
                assertThat(new IndexSearcher(reader)
                                .count(new TermQuery(new Term(IndexFields.BODY, analysed(body.split(" ")[0])))))
                        .as("the body's words, counted, still reach the index")
                        .isEqualTo(1);
                return StoryWords.read(reader, 1);
            }
        }
    }

    private String analysed(String word) throws IOException {
        try (var stream = analyzer.tokenStream(IndexFields.BODY, word)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            assertThat(stream.incrementToken()).isTrue();
            String analysed = term.toString();
            stream.end();
            return analysed;
        }
    }
}
