package news.broadsheet.search.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;

/**
 * Scores a window of first results again with another query, and orders them by the new scores,
 * as Lucene's {@code QueryRescorer} does, with the same scores and the same order; but it checks
 * whether the query matches each story of the window only. {@code QueryRescorer} moves the
 * query's iterator to each story, and for a phrase that means checking the positions of every
 * story with both words up to the next one that has the phrase: for two common words, thousands
 * of stories outside the window, which made the word-pair rerank a sixth of a new search's time.
 */
final class WindowRescorer {

    /** How a story's first score and its score by the query make its new score. */
    @FunctionalInterface
    interface Combination {
        float score(float first, boolean matched, float second);
    }

    /** The query's score replaces the first, and a story the query does not match scores 0. */
    static final Combination REPLACED = (first, matched, second) -> matched ? second : 0;

    /** The query's score, times the weight, is added to the first. */
    static Combination added(double weight) {
        return (first, matched, second) -> matched ? (float) (first + weight * second) : first;
    }

    private WindowRescorer() {}

    /** The query's matches in one segment: candidates, and the check a phrase makes of each. */
    private record LeafMatches(Scorer scorer, @Nullable TwoPhaseIterator check) {

        /** Whether the query matches this story; stories are asked about in increasing order. */
        boolean at(int target) throws IOException {
            DocIdSetIterator candidates = check == null ? scorer.iterator() : check.approximation();
            int at = candidates.docID();
            if (at < target) {
                at = candidates.advance(target);
            }
            // A candidate (a story with both words of a phrase) is checked only when it is asked about.
            return at == target && (check == null || check.matches());
        }
    }

    /**
     * The hits with new scores, best first (equal scores in index order). The hits given are not
     * changed.
     */
    static TopDocs rescored(IndexSearcher searcher, TopDocs hits, Query query, Combination combination)
            throws IOException {
        ScoreDoc[] given = hits.scoreDocs;
        Integer[] byDoc = positions(given.length);
        Arrays.sort(byDoc, Comparator.comparingInt(i -> given[i].doc));
        float[] byQuery = new float[given.length];
        boolean[] matched = new boolean[given.length];
        scoreEach(searcher, query, given, byDoc, byQuery, matched);
        float[] scores = new float[given.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = combination.score(given[i].score, matched[i], byQuery[i]);
        }
        Integer[] best = positions(given.length);
        // Equal scores in index order, as QueryRescorer (Lucene 10.6) orders them.
        Arrays.sort(
                best,
                (a, b) -> scores[a] != scores[b]
                        ? Float.compare(scores[b], scores[a])
                        : Integer.compare(given[a].doc, given[b].doc));
        ScoreDoc[] ordered = new ScoreDoc[given.length];
        for (int i = 0; i < ordered.length; i++) {
            ScoreDoc hit = given[best[i]];
            ordered[i] = new ScoreDoc(hit.doc, scores[best[i]], hit.shardIndex);
        }
        return new TopDocs(hits.totalHits, ordered);
    }

    /** Each hit's score by the query, and which hits it matches, taken in index order ({@code byDoc}). */
    private static void scoreEach(
            IndexSearcher searcher, Query query, ScoreDoc[] given, Integer[] byDoc, float[] byQuery, boolean[] matched)
            throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leaf = -1;
        int leafEnd = 0;
        @Nullable LeafMatches matches = null;
        for (int index : byDoc) {
            int doc = given[index].doc;
            if (doc >= leafEnd) {
                while (doc >= leafEnd) {
                    leaf++;
                    leafEnd =
                            leaves.get(leaf).docBase + leaves.get(leaf).reader().maxDoc();
                }
                Scorer scorer = weight.scorer(leaves.get(leaf));
                matches = scorer == null ? null : new LeafMatches(scorer, scorer.twoPhaseIterator());
            }
            if (matches != null && matches.at(doc - leaves.get(leaf).docBase)) {
                matched[index] = true;
                byQuery[index] = matches.scorer().score();
            }
        }
    }

    /** 0, 1, … count - 1: the hits' positions, to sort by what is known of each. */
    private static Integer[] positions(int count) {
        Integer[] positions = new Integer[count];
        Arrays.setAll(positions, i -> i);
        return positions;
    }
}
