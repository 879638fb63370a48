package news.broadsheet.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rescoring a window of first results, in a real Lucene index of several segments, against what
 * Lucene's own {@link QueryRescorer} gives for the same window.
 */
class WindowRescorerTests {

    static final List<String> WORDS = List.of("harbour", "strike", "council", "budget", "ferry", "vote", "late");

    IndexSearcher searcher;

    @BeforeEach
    void indexStories() throws IOException {
        Directory directory = new ByteBuffersDirectory();
        Random random = new Random(7);
        // Small flushes, so that the window spans several segments.
        try (IndexWriter writer =
                new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()).setMaxBufferedDocs(50))) {
            for (int i = 0; i < 400; i++) {
                StringBuilder body = new StringBuilder();
                for (int w = 0; w < 30; w++) {
                    body.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
                }
                Document story = new Document();
                story.add(new TextField("body", body.toString(), Field.Store.NO));
                writer.addDocument(story);
            }
        }
        searcher = new IndexSearcher(DirectoryReader.open(directory));
        assertThat(searcher.getIndexReader().leaves()).hasSizeGreaterThan(1);
    }

    @Test
    void givesAWindowTheScoresAndOrderLucenesRescorerGivesForAPhrase() throws IOException {
        TopDocs window = window(new TermQuery(new Term("body", "harbour")), 60);
        Query pairs = new BooleanQuery.Builder()
                .add(new PhraseQuery(2, "body", "harbour", "strike"), Occur.SHOULD)
                .add(new PhraseQuery(0, "body", "council", "budget"), Occur.SHOULD)
                .build();

        TopDocs ours = WindowRescorer.rescored(searcher, copy(window), pairs, WindowRescorer.added(0.5));
        TopDocs lucenes = QueryRescorer.rescore(searcher, copy(window), pairs, 0.5, window.scoreDocs.length);

        assertThat(ours.scoreDocs.length).isEqualTo(60);
        assertThat(docsAndScores(ours)).isEqualTo(docsAndScores(lucenes));
        assertThat(docsAndScores(ours)).as("the phrase reorders the window").isNotEqualTo(docsAndScores(window));
    }

    @Test
    void addsUpWeightedWordsAsLucenesRescorerDoes() throws IOException {
        TopDocs window = window(new TermQuery(new Term("body", "council")), 80);
        // As the feedback words are asked: each word weighted, any of them.
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        float weight = 0.4f;
        for (String word : List.of("budget", "vote", "ferry", "late")) {
            words.add(new BoostQuery(new TermQuery(new Term("body", word)), weight), Occur.SHOULD);
            weight /= 2;
        }
        Query feedback = words.build();

        TopDocs ours = WindowRescorer.rescored(searcher, copy(window), feedback, WindowRescorer.added(2));
        TopDocs lucenes = QueryRescorer.rescore(searcher, copy(window), feedback, 2, window.scoreDocs.length);

        assertThat(docsAndScores(ours)).isEqualTo(docsAndScores(lucenes));
    }

    @Test
    void scoresAQueryThatIsNotADisjunctionAsAWhole() throws IOException {
        TopDocs window = window(new TermQuery(new Term("body", "budget")), 70);
        // A required word: the parts are not simply added up, so it is scored as one query.
        Query mixed = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("body", "strike")), Occur.MUST)
                .add(new PhraseQuery(1, "body", "late", "ferry"), Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term("body", "vote")), 0.3f), Occur.SHOULD)
                .build();

        TopDocs ours = WindowRescorer.rescored(searcher, copy(window), mixed, WindowRescorer.added(1.5));
        TopDocs lucenes = QueryRescorer.rescore(searcher, copy(window), mixed, 1.5, window.scoreDocs.length);

        assertThat(docsAndScores(ours)).isEqualTo(docsAndScores(lucenes));
    }

    @Test
    void replacesTheScoresWhenAsked() throws IOException {
        TopDocs window = window(new TermQuery(new Term("body", "vote")), 40);
        Query other = new TermQuery(new Term("body", "ferry"));

        TopDocs ours = WindowRescorer.rescored(searcher, copy(window), other, WindowRescorer.REPLACED);
        TopDocs lucenes = new QueryRescorer(other) {
            @Override
            protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                return secondPassMatches ? secondPassScore : 0;
            }
        }.rescore(searcher, copy(window), window.scoreDocs.length);

        assertThat(docsAndScores(ours)).isEqualTo(docsAndScores(lucenes));
    }

    @Test
    void leavesTheGivenHitsAsTheyWere() throws IOException {
        TopDocs window = window(new TermQuery(new Term("body", "late")), 30);
        List<String> before = docsAndScores(window);

        WindowRescorer.rescored(searcher, window, new PhraseQuery(1, "body", "late", "ferry"), WindowRescorer.added(2));

        assertThat(docsAndScores(window)).isEqualTo(before);
    }

    TopDocs window(Query query, int size) throws IOException {
        TopDocs top = searcher.search(query, size);
        assertThat(top.scoreDocs).hasSize(size);
        return top;
    }

    static TopDocs copy(TopDocs hits) {
        ScoreDoc[] copied = new ScoreDoc[hits.scoreDocs.length];
        for (int i = 0; i < copied.length; i++) {
            copied[i] = new ScoreDoc(hits.scoreDocs[i].doc, hits.scoreDocs[i].score);
        }
        return new TopDocs(hits.totalHits, copied);
    }

    static List<String> docsAndScores(TopDocs hits) {
        List<String> all = new ArrayList<>();
        for (ScoreDoc hit : hits.scoreDocs) {
            all.add(hit.doc + ":" + hit.score);
        }
        return all;
    }
}
