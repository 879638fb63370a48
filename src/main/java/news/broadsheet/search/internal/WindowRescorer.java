package news.broadsheet.search.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.NumericUtils;
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
        int[] byDoc = inIndexOrder(given);
        double[] byQuery = new double[given.length];
        boolean[] matched = new boolean[given.length];
        scoreEach(searcher, query, given, byDoc, byQuery, matched);
        // Best first, equal scores in index order, as QueryRescorer (Lucene 10.6) orders them:
        // sorted as numbers (the score, then the rank in index order), not as boxed objects.
        long[] best = new long[given.length];
        for (int rank = 0; rank < byDoc.length; rank++) {
            int i = byDoc[rank];
            // + 0f: -0 and 0 are equal scores, ordered by document like any others.
            float score = combination.score(given[i].score, matched[i], (float) byQuery[i]) + 0f;
            best[rank] = ((long) ~NumericUtils.floatToSortableInt(score) << 32) | rank;
        }
        Arrays.sort(best);
        ScoreDoc[] ordered = new ScoreDoc[given.length];
        for (int k = 0; k < ordered.length; k++) {
            ScoreDoc hit = given[byDoc[(int) best[k]]];
            float score = NumericUtils.sortableIntToFloat(~(int) (best[k] >>> 32));
            ordered[k] = new ScoreDoc(hit.doc, score, hit.shardIndex);
        }
        return new TopDocs(hits.totalHits, ordered);
    }

    /**
     * Each hit's score by the query (added to {@code byQuery}), and which hits it matches, taken in
     * index order ({@code byDoc}). A query that only adds up its parts (a disjunction, as the pairs
     * and the feedback words are) is scored part by part, each part's iterator moved to each story
     * on its own: moved together, as a disjunction's scorer moves them, every move also reorders a
     * heap of all the parts, which was a tenth of a new search. The parts' float scores are added
     * up in double precision, as the disjunction's scorer adds them (in another order, which does
     * not change a sum of a few floats of scores' range in double precision).
     */
    private static void scoreEach(
            IndexSearcher searcher, Query query, ScoreDoc[] given, int[] byDoc, double[] byQuery, boolean[] matched)
            throws IOException {
        // The clauses of a rewritten query are rewritten too.
        for (Query part : summands(searcher.rewrite(query))) {
            addScores(searcher, part, given, byDoc, byQuery, matched);
        }
    }

    /** The parts whose scores a query adds up: a disjunction's clauses, or the query itself. */
    private static List<Query> summands(Query query) {
        if (query instanceof BooleanQuery any
                && any.getMinimumNumberShouldMatch() == 0
                && !any.clauses().isEmpty()
                && any.clauses().stream().allMatch(clause -> clause.occur() == BooleanClause.Occur.SHOULD)) {
            return any.clauses().stream().map(BooleanClause::query).toList();
        }
        return List.of(query);
    }

    /** Adds the (rewritten) query's score to each hit it matches, taken in index order ({@code byDoc}). */
    private static void addScores(
            IndexSearcher searcher, Query query, ScoreDoc[] given, int[] byDoc, double[] sums, boolean[] matched)
            throws IOException {
        Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE, 1);
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
                sums[index] += matches.scorer().score();
            }
        }
    }

    /** The hits' positions, ordered by their documents (as Lucene's iterators go). */
    private static int[] inIndexOrder(ScoreDoc[] hits) {
        long[] keys = new long[hits.length];
        for (int i = 0; i < hits.length; i++) {
            keys[i] = ((long) hits[i].doc << 32) | i;
        }
        Arrays.sort(keys);
        int[] positions = new int[hits.length];
        for (int k = 0; k < keys.length; k++) {
            positions[k] = (int) keys[k];
        }
        return positions;
    }
}
