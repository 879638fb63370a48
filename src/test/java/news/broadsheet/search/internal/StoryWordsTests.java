package news.broadsheet.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.SearchableArticle;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The words kept in the index for feedback, through documents built as the index builds them, in
 * a real Lucene index.
 */
class StoryWordsTests {

    final Analyzer analyzer = IndexFields.analyzer();

    @Test
    void keepsTheMostUsedWordsStemmedWithTheirShareOfAllWords() throws IOException {
        StoryWords.Words words = indexedAndRead(
                "Ferries return",
                "Harbour",
                "Ferries sailed again. The ferry crews cheered; ferries were late in 2024 at 9 am.");

        // "ferries" and "ferry" stem to "ferri" (4 times); "the", "in" and "at" are stop words;
        // "2024" is a number and "9" and "am" are too short to say what a story is about.
        assertThat(words.terms().getFirst()).isEqualTo("ferri");
        assertThat(words.terms()).doesNotContain("the", "2024", "9", "am");
        assertThat(words.terms())
                .as("the headline's, standfirst's and body's words")
                .contains("return", "harbour", "crew", "cheer", "late", "sail", "again", "were");
        int analysed = 15; // all words but the stop words, the number and the short words included
        assertThat(words.shares()[0]).isCloseTo(4.0 / analysed, within(1e-9));
    }

    @Test
    void readsTheFirstCharactersOfHeadlineStandfirstAndBodyTogether() throws IOException {
        String headline = "Headline words";
        String standfirst = "Standfirst words";
        // Headline, standfirst and body are read as one text, each followed by a line break.
        int bodyCharacters = StoryWords.CHARACTERS - (headline.length() + 1) - (standfirst.length() + 1);
        String inside = "kestrel kestrel kestrel ";
        String filler = "x".repeat(bodyCharacters - inside.length() - "falcon".length() - 1) + " ";
        // "falcon" ends on the last character read; "gannet" starts after it.
        String body = filler + inside + "falcon gannet gannet gannet";

        StoryWords.Words words = indexedAndRead(headline, standfirst, body);

        assertThat(words.terms()).contains("kestrel", "falcon").doesNotContain("gannet");
    }

    @Test
    void keepsAtMostTheLimitMostUsedFirst() throws IOException {
        StringBuilder body = new StringBuilder("common common common ");
        for (int i = 0; i < 200; i++) {
            body.append("word")
                    .append((char) ('a' + i % 26))
                    .append((char) ('a' + i / 26))
                    .append(' ');
        }

        StoryWords.Words words = indexedAndRead("Headline", "", body.toString());

        assertThat(words.terms()).hasSize(StoryWords.KEPT).startsWith("common");
    }

    @Test
    void cutsTheLimitAmongWordsUsedAsOftenByLengthThenSpelling() throws IOException {
        // Letters with no vowel, so that the stemmer leaves every word as it is.
        String letters = "bcdfhjkmpqtvwxz";
        List<String> thrice = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        List<String> once = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            thrice.add("q" + letters.charAt(i % 15) + letters.charAt(i / 15) + "b");
            // Half of the words used twice are a letter longer: among equals, longer words go first.
            twice.add("w" + letters.charAt(i % 15) + letters.charAt(i / 15) + (i % 2 == 0 ? "bb" : "b"));
        }
        for (int i = 0; i < 100; i++) {
            once.add("z" + letters.charAt(i % 15) + letters.charAt(i / 15) + "b");
        }
        List<String> said = new ArrayList<>();
        thrice.forEach(word -> said.addAll(List.of(word, word, word)));
        twice.forEach(word -> said.addAll(List.of(word, word)));
        said.addAll(once);
        java.util.Collections.shuffle(said, new java.util.Random(3));

        StoryWords.Words words = indexedAndRead("Kbb", "", String.join(" ", said));

        List<String> longerTwice =
                twice.stream().filter(w -> w.length() == 5).sorted().toList();
        List<String> expected = new ArrayList<>(thrice.stream().sorted().toList());
        expected.addAll(longerTwice);
        expected.addAll(twice.stream()
                .filter(w -> w.length() == 4)
                .sorted()
                .limit(StoryWords.KEPT - expected.size())
                .toList());
        assertThat(words.terms()).containsExactlyElementsOf(expected);
    }

    @Test
    void theBodyAnalysedOnceIsIndexedAsBeforeWithPositionsAndOffsets() throws IOException {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            writer.addDocument(document(1, "Tides", "", "The harbour master closed the harbour mouth at dawn."));
            writer.commit();
            try (var reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertThat(searcher.count(new PhraseQuery(IndexFields.BODY, "harbour", "master")))
                        .isEqualTo(1);
                assertThat(searcher.count(new PhraseQuery(IndexFields.BODY, "master", "harbour")))
                        .isZero();
                var top = searcher.search(new TermQuery(new Term(IndexFields.BODY, "mouth")), 1);
                String[] snippets = new StoryText.Highlighter(
                                UnifiedHighlighter.builder(searcher, analyzer).withWeightMatches(false))
                        .highlight(IndexFields.BODY, new TermQuery(new Term(IndexFields.BODY, "mouth")), top);
                assertThat(snippets[0]).contains("harbour <b>mouth</b> at dawn");
            }
        }
    }

    @Test
    void theWordsCannotBeReadBeforeTheWriterHasReadTheBody() {
        StoryWords.Counter words = new StoryWords.Counter();
        words.count(analyzer, IndexFields.BODY, "Headline words\n");

        assertThatThrownBy(() -> words.encodedWhenRead().binaryValue())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before the index writer read its body");
    }

    @Test
    void aDocumentIndexedWithoutThemHasNone() throws IOException {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            writer.addDocument(document(1, "A story", "", "With its words."));
            Document without = new Document();
            without.add(new StringField("older", "yes", Field.Store.NO));
            writer.addDocument(without);
            writer.commit();
            try (var reader = DirectoryReader.open(directory)) {
                assertThat(StoryWords.read(reader, 0).terms()).contains("word");
                assertThat(StoryWords.read(reader, 1)).isSameAs(StoryWords.Words.NONE);
            }
        }
    }

    /** The story indexed as the second document, in a segment of its own, and its words read back. */
    private StoryWords.Words indexedAndRead(String headline, String standfirst, String body) throws IOException {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            writer.addDocument(document(1, "Other story", "", "About trains and timetables."));
            writer.commit();
            writer.addDocument(document(2, headline, standfirst, body));
            writer.commit();
            try (var reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).as("two segments").hasSize(2);
                return StoryWords.read(reader, 1);
            }
        }
    }

    private Document document(long id, String headline, String standfirst, String body) throws IOException {
        SearchableArticle article = new SearchableArticle(
                id,
                headline,
                standfirst,
                body,
                1,
                List.of(1L),
                ArticleStatus.PUBLISHED,
                Instant.parse("2026-01-05T10:00:00Z"),
                null,
                null);
        return IndexFields.document(article, ZoneOffset.UTC, IndexFields.facetsConfig(), IndexFields.analyzer());
    }
}
