package news.broadsheet.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import news.broadsheet.search.SearchSettings;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Runs searches and related-story look-ups on the index. Every query is limited to stories visible
 * at the given time (publication, embargo and expiry times are in the index), so schedules follow
 * the clock without re-indexing. Only ids, counts and escaped snippets leave this class.
 */
@Component
public class IndexSearch {

    /*
     * Ranking, tuned on three public test collections (bench/relevance.py; one set of values for
     * all, each change measured): BM25F over headline, standfirst and body, so a word in the
     * headline counts as four in the body and saturates with them instead of adding a separate
     * headline score (separate per-field scores with a headline boost ranked worse on every
     * collection). Those per-field scores, added up, only find the first 400 candidates, because
     * Lucene can skip whole blocks of stories with them and not with BM25F; the 400 are then scored
     * with BM25F. Then the first 200 are reranked: words next to each other in the question
     * score again when they are next to each other in a story, and pseudo-relevance feedback adds
     * the words that best characterise the first few results, as much in all as the question's own
     * words weigh, so a story that says it in other words still ranks. Reranking only the first 200
     * (rather than scoring every match with all those words) kept MAP within 0.05 times BM25 of
     * reranking all, and made a common word's search several times faster (bench/search-report.md).
     */
    /** The text fields and the weight of a word in each (BM25F), in one place for every query built here. */
    private static final Map<String, Float> FIELD_WEIGHTS =
            Map.of(IndexFields.HEADLINE, 4f, IndexFields.STANDFIRST, 2f, IndexFields.BODY, 1f);

    private static final float TYPO_BOOST = 0.3f;
    /** Alternatives added for synonyms per search at most (Lucene allows 1,024 clauses in all). */
    private static final int MAX_SYNONYM_QUERIES = 100;

    private static final float PAIR_BOOST = 0.3f;
    private static final int PAIR_SLOP = 2;
    private static final int FEEDBACK_STORIES = 10;
    /** Feedback reorders this many of the first results (the feedback words only reorder stories that have the reader's words). */
    private static final int RERANK_WINDOW = 200;

    /**
     * The first pass finds this many stories adding up each field's score, and they are scored
     * again with BM25F: 200 lost CISI's MAP 0.018 (the stories just outside the window and the
     * order after it), 400 lost 0.004 and 1,000 nothing, at a cost that grows with it.
     */
    private static final int EXACT_WINDOW = 400;

    private static final int FEEDBACK_WORDS = 15;

    private static final int FACET_VALUES = 20;

    private static final Sort NEWEST_FIRST = new Sort(
            new SortField(IndexFields.PUBLISHED, SortField.Type.LONG, true),
            new SortField(IndexFields.ID, SortField.Type.LONG, true));
    /** A word in fewer stories than this may be a misspelling, so near spellings are searched too. */
    private static final int RARE_WORD_STORIES = 5;
    /** Related stories ignore words in more than this share of stories... */
    private static final int COMMON_WORD_PERCENT = 30;
    /** ...unless they are in no more than this many stories (and not in every one). */
    private static final int COMMON_WORD_MIN_STORIES = 10;

    /**
     * What a search found.
     *
     * @param facetsEstimated facet counts were made on a sample of the matches and scaled up
     * @param suggestion the query with words no story has replaced by near spellings stories use;
     *     null when every word is in some story or none has a near spelling
     */
    public record Found(
            List<Long> ids,
            Map<Long, String> snippets,
            long total,
            Map<String, List<Count>> facets,
            boolean facetsEstimated,
            @Nullable String suggestion) {}

    /**
     * What editors said about searches, read for each one (see {@code EditorialTerms}).
     *
     * @param synonyms groups of words and phrases that mean the same
     * @param pinned stories to put first, in order (relevance order only)
     */
    public record Editorial(List<List<String>> synonyms, List<Long> pinned) {
        public static final Editorial NONE = new Editorial(List.of(), List.of());
    }

    /** A facet value and how many stories have it. */
    public record Count(String value, long count) {}

    /** Filters on a search; null means no filter. */
    public record Filters(
            @Nullable Long sectionId,
            @Nullable Long authorId,
            @Nullable Integer year,
            @Nullable Long fromMillis,
            @Nullable Long untilMillis) {}

    private final SearchIndex index;
    private final SearchSettings settings;
    private final QueryBuilder builder;
    private final AtomicLong relatedLookUps = new AtomicLong();
    private volatile @Nullable FacetState facetState;

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

    private record DocFreqs(IndexReader reader, Map<String, Integer> counts) {}

    private static final int DOC_FREQ_CACHE_SIZE = 200_000;
    private volatile @Nullable DocFreqs docFreqs;
    private final KeptAnswers kept;
    /** Runs the part of a search that can go alongside the ranking (a virtual thread per task). */
    private final ExecutorService alongside = Executors.newVirtualThreadPerTaskExecutor();

    IndexSearch(SearchIndex index, SearchSettings settings) {
        this.index = index;
        this.settings = settings;
        this.builder = new QueryBuilder(index.analyzer());
        this.kept = new KeptAnswers(settings.answerCacheEntries());
    }

    public boolean available() {
        return index.available();
    }

    /** How many searches this node answered with an answer it had kept (see {@link KeptAnswers}). */
    public long answersReused() {
        return kept.reused();
    }

    /** How many related-story queries this node has run (they should be rare: see RelatedStoriesCache). */
    public long relatedLookUps() {
        return relatedLookUps.get();
    }

    /**
     * Searches, or returns null while there is no index yet; {@code ranked} is told the page's ids
     * as soon as they are known, on the calling thread while another makes their snippets, so the
     * caller can look them up meanwhile (it is not told for an answer kept from before, which has
     * no snippets to make).
     *
     * @throws news.broadsheet.search.InvalidSearchException when the words are all too common to search for
     */
    public @Nullable Found search(
            UserQuery userQuery,
            Editorial editorial,
            Filters filters,
            boolean newest,
            int offset,
            int limit,
            long nowMillis,
            Consumer<List<Long>> ranked) {
        SearchIndex.Acquired acquired = index.acquire();
        if (acquired == null) {
            return null;
        }
        try (acquired) {
            IndexSearcher searcher = acquired.searcher();
            KeptAnswers.Question question = new KeptAnswers.Question(
                    KeptAnswers.identity(searcher.getIndexReader()),
                    userQuery,
                    editorial,
                    filters,
                    newest,
                    offset,
                    limit);
            Found known = kept.answer(question, searcher, nowMillis);
            if (known != null) {
                return known;
            }
            Found found = search(searcher, question, nowMillis, ranked);
            kept.keep(question, found, nowMillis);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Found search(
            IndexSearcher searcher, KeptAnswers.Question question, long nowMillis, Consumer<List<Long>> ranked)
            throws IOException {
        UserQuery userQuery = question.query();
        Editorial editorial = question.editorial();
        Filters filters = question.filters();
        boolean newest = question.newest();
        int offset = question.offset();
        int limit = question.limit();
        List<Synonyms> synonyms = analysed(editorial.synonyms());
        TextQueries queries = textQueries(userQuery, synonyms, searcher.getIndexReader());
        Query text = queries.exact();
        // What matches: the words. Feedback words and word pairs only reorder these, so they
        // are left out of counting.
        Query words = filtered(text, filters, nowMillis);
        int wanted = offset + limit;
        // By relevance, the stories editors pinned for these words come first (when they pass
        // the filters and are visible), and are counted among the matches: they are listed.
        List<ScoreDoc> pins = newest ? List.of() : pinnedDocs(searcher, editorial.pinned(), filters, nowMillis);
        Query matching = pins.isEmpty() ? words : withPins(text, editorial.pinned(), filters, nowMillis);
        // Counting every match and its facets needs nothing from the ranking, so it runs on a
        // second thread while this one ranks and highlights: a new search waits for the longer of
        // the two instead of both (the machine has a core to spare for one request at a time).
        Future<Counted> counting = alongside.submit(() -> counted(searcher, matching));
        try {
            TopDocs top;
            if (newest) {
                // Newest first lists what matches the words; feedback words would only add noise there.
                top = searcher.search(words, new TopFieldCollectorManager(NEWEST_FIRST, wanted, wanted));
            } else {
                // Only the stories that can reach the page are scored in full: the rest are
                // skipped (block-max pruning), as counting is done apart.
                int window = Math.max(EXACT_WINDOW, wanted);
                // The first pass finds the window with each field's score added up, which Lucene
                // can prune block by block; the window is then scored with BM25F (see exactly).
                // Finding it with BM25F itself scored nearly every story for common words.
                Query fieldByField = filtered(queries.prunable(), filters, nowMillis);
                TopDocs first = searcher.search(fieldByField, new TopScoreDocCollectorManager(window, window));
                top = withPinsFirst(
                        pins,
                        reranked(
                                searcher,
                                first,
                                text,
                                pairQueries(queries.terms()),
                                queries.terms().size()));
            }
            // The first pass may hold more than the page (the feedback window): cut to the page.
            ScoreDoc[] page = java.util.Arrays.copyOfRange(
                    top.scoreDocs, Math.min(offset, top.scoreDocs.length), Math.min(wanted, top.scoreDocs.length));
            List<Long> ids = List.copyOf(ids(searcher, page));
            Query marked = highlighted(userQuery, synonyms);
            // The snippets are made on the second thread while this one runs the caller's look-up
            // of the ids (the database check): a new search waits for the longer of the two.
            Future<Map<Long, String>> snippetting = alongside.submit(() -> snippets(searcher, marked, page, ids));
            try {
                ranked.accept(ids);
                String suggestion = offset == 0 ? suggestion(userQuery, searcher.getIndexReader()) : null;
                Counted counted = joined(counting);
                return new Found(
                        ids,
                        java.util.Collections.unmodifiableMap(joined(snippetting)),
                        counted.total(),
                        counted.facets(),
                        counted.sampled(),
                        suggestion);
            } finally {
                awaited(snippetting);
            }
        } finally {
            // The index reader is released when the search returns, never while counting still reads it.
            awaited(counting);
        }
    }

    /** How many stories match, and the facets' counts (on a sample when many match). */
    private record Counted(long total, Map<String, List<Count>> facets, boolean sampled) {}

    private Counted counted(IndexSearcher searcher, Query matching) throws IOException {
        // Every match is counted; facets are counted on a sample of at most facetSample
        // stories (all of them when there are fewer) and scaled up.
        FacetsCollector matches = searcher.search(new ConstantScoreQuery(matching), new FacetsCollectorManager());
        long total = matches.getMatchingDocs().stream()
                .mapToLong(FacetsCollector.MatchingDocs::totalHits)
                .sum();
        long inSample = Math.min(total, settings.facetSample());
        Map<String, List<Count>> counts = new LinkedHashMap<>();
        if (total > 0) {
            Facets facets = new SortedSetDocValuesFacetCounts(
                    facetState(searcher), FacetSample.of(matches, total, settings.facetSample()));
            for (String dim : List.of(IndexFields.SECTION, IndexFields.AUTHOR, IndexFields.YEAR)) {
                FacetResult facet = facets.getTopChildren(FACET_VALUES, dim);
                List<Count> values = new ArrayList<>();
                if (facet != null) {
                    for (LabelAndValue lv : facet.labelValues) {
                        // Scaled up from the sample to all the matches.
                        values.add(new Count(
                                lv.label, Math.round(lv.value.doubleValue() * total / Math.max(1, inSample))));
                    }
                }
                counts.put(dim, values);
            }
        }
        return new Counted(total, java.util.Collections.unmodifiableMap(counts), inSample < total);
    }

    /** What the task returned, or what it threw, as thrown on the calling thread. */
    private static <T> T joined(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a search was counting its matches", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            switch (cause) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                case null, default -> throw new IllegalStateException(cause);
            }
        }
    }

    /** Waits for the task to end, however it ends (it is never interrupted: Lucene's files must stay open). */
    private static void awaited(Future<?> task) {
        boolean interrupted = false;
        while (!task.isDone()) {
            try {
                task.get();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                // Its failure, if any, was thrown by joined() or is beside the failure being thrown.
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stories like this one, visible now: those in its section first, then others; never itself.
     * Empty when the story is not in the index.
     */
    public List<Long> related(long articleId, long sectionId, int limit, long nowMillis) {
        relatedLookUps.incrementAndGet();
        SearchIndex.Acquired acquired = index.acquire();
        if (acquired == null) {
            return List.of();
        }
        try (acquired) {
            IndexSearcher searcher = acquired.searcher();
            TopDocs self = searcher.search(new TermQuery(IndexFields.idTerm(articleId)), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(index.analyzer());
            mlt.setFieldNames(new String[] {IndexFields.HEADLINE, IndexFields.STANDFIRST, IndexFields.BODY});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMaxQueryTerms(30);
            // Words in more than 30% of stories say little about what a story is about, but only
            // in a sizeable archive: in a small one (a new site) a word shared by a few stories is
            // exactly what relates them, and a bare percentage would discard every word. A word in
            // every story never tells one from another.
            int stories = searcher.getIndexReader().numDocs();
            mlt.setMaxDocFreq(
                    Math.max(stories * COMMON_WORD_PERCENT / 100, Math.min(COMMON_WORD_MIN_STORIES, stories - 1)));
            Query like = mlt.like(storyFields(searcher, self.scoreDocs[0].doc));
            List<Long> ids = new ArrayList<>();
            Query sameSection = new TermQuery(new Term(IndexFields.SECTION, Long.toString(sectionId)));
            collect(searcher, relatedQuery(like, articleId, sameSection, Occur.FILTER, nowMillis), limit, ids);
            if (ids.size() < limit) {
                collect(searcher, relatedQuery(like, articleId, sameSection, Occur.MUST_NOT, nowMillis), limit, ids);
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A story's headline, standfirst and body as {@link MoreLikeThis} reads them. */
    private static Map<String, Collection<Object>> storyFields(IndexSearcher searcher, int doc) throws IOException {
        StoredFields stored = searcher.storedFields();
        Document titles = stored.document(doc, Set.of(IndexFields.HEADLINE, IndexFields.STANDFIRST));
        Map<String, Collection<Object>> fields = new HashMap<>();
        for (String field : List.of(IndexFields.HEADLINE, IndexFields.STANDFIRST)) {
            fields.put(field, List.<Object>of(titles.getValues(field)));
        }
        String body = StoryText.read(stored, doc, Integer.MAX_VALUE);
        fields.put(IndexFields.BODY, body == null ? List.of() : List.<Object>of(body));
        return fields;
    }

    private Query relatedQuery(Query like, long articleId, Query section, Occur sectionOccur, long nowMillis) {
        return new BooleanQuery.Builder()
                .add(like, Occur.MUST)
                .add(section, sectionOccur)
                .add(new TermQuery(IndexFields.idTerm(articleId)), Occur.MUST_NOT)
                .add(visibleAt(nowMillis), Occur.FILTER)
                .build();
    }

    private static void collect(IndexSearcher searcher, Query query, int limit, List<Long> into) throws IOException {
        // A few extra, as the caller drops any that the database no longer shows.
        TopDocs top = searcher.search(query, limit * 2);
        for (long id : ids(searcher, top.scoreDocs)) {
            if (!into.contains(id)) {
                into.add(id);
            }
        }
    }

    /**
     * The stories' ids, in the order of the hits, from the id column (doc values): reading them
     * from stored fields decompressed a whole block of stories per hit.
     */
    private static List<Long> ids(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        List<Long> ids = new ArrayList<>(hits.length);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc hit : hits) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            NumericDocValues values = DocValues.getNumeric(leaf.reader(), IndexFields.ID);
            if (!values.advanceExact(hit.doc - leaf.docBase)) {
                throw new IllegalStateException("a story in the index without its id: document " + hit.doc);
            }
            ids.add(values.longValue());
        }
        return ids;
    }

    /**
     * How rare a word is among the stories (BM25's inverse document frequency), never negative: the
     * count of stories with the word includes deleted ones not yet merged away, so it can exceed
     * the stories there are (a word in every story of a small site, some of them edited), which
     * made a feedback word weigh less than nothing and the search fail.
     */
    private static double idf(int storiesWithWord, int stories) {
        int df = Math.min(storiesWithWord, stories);
        return Math.log(1 + (stories - df + 0.5) / (df + 0.5));
    }

    /**
     * How many stories have a body word, from a cache kept for the reader (feedback looks up a
     * few hundred words per search, and the same words again and again).
     */
    @SuppressWarnings("ReferenceEquality") // the counts belong to this very reader instance
    private int docFreq(IndexReader reader, String term) throws IOException {
        DocFreqs cached = docFreqs;
        if (cached == null || cached.reader() != reader || cached.counts().size() > DOC_FREQ_CACHE_SIZE) {
            cached = new DocFreqs(reader, new java.util.concurrent.ConcurrentHashMap<>());
            docFreqs = cached;
        }
        Integer count = cached.counts().get(term);
        if (count == null) {
            count = reader.docFreq(new Term(IndexFields.BODY, term));
            cached.counts().put(term, count);
        }
        return count;
    }

    @SuppressWarnings("ReferenceEquality") // the state belongs to this very reader instance
    private SortedSetDocValuesReaderState facetState(IndexSearcher searcher) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        FacetState cached = facetState;
        if (cached != null && cached.reader() == reader) {
            return cached.state();
        }
        SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, index.facets());
        facetState = new FacetState(reader, state);
        return state;
    }

    private Map<Long, String> snippets(IndexSearcher searcher, Query query, ScoreDoc[] page, List<Long> ids)
            throws IOException {
        Map<Long, String> snippets = new HashMap<>();
        if (page.length == 0) {
            return snippets;
        }
        UnifiedHighlighter highlighter =
                new StoryText.Highlighter(UnifiedHighlighter.builder(searcher, index.analyzer())
                        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                        // Passages are found from the offsets in the postings of the words asked for:
                        // asking the query itself where it matches ("weight matches") allocated some
                        // 40 MB per search in the benchmark, for the same snippets.
                        .withWeightMatches(false)
                        .withScorer(new PassageScoring())
                        .withBreakIterator(SnippetSentences::new)
                        .withMaxLength(20_000));
        TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        String[] bodies = highlighter.highlight(IndexFields.BODY, query, docs, 2);
        for (int i = 0; i < page.length; i++) {
            String snippet = bodies[i];
            snippets.put(ids.get(i), snippet == null ? "" : snippet);
        }
        return snippets;
    }

    /**
     * Lucene's passage scoring (BM25 over the words a passage has), counting each word's matches
     * in a passage with a loop rather than a fresh hash table: the stock scorer allocates 32 KB per
     * passage considered, half of all memory a search allocated in the benchmark.
     */
    private static final class PassageScoring extends PassageScorer {
        @Override
        public float score(Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            BytesRef[] terms = passage.getMatchTerms();
            int[] inDoc = passage.getMatchTermFreqsInDoc();
            float score = 0;
            for (int i = 0; i < matches; i++) {
                boolean seen = false;
                for (int j = 0; j < i && !seen; j++) {
                    seen = terms[j].bytesEquals(terms[i]);
                }
                if (seen) {
                    continue;
                }
                int inPassage = 1;
                for (int j = i + 1; j < matches; j++) {
                    if (terms[j].bytesEquals(terms[i])) {
                        inPassage++;
                    }
                }
                score += tf(inPassage, passage.getLength()) * weight(contentLength, inDoc[i]);
            }
            return score * norm(passage.getStartOffset());
        }
    }

    /**
     * What snippets mark: the question's words and their synonyms as single body words (stemmed,
     * so "elections" marks "election"), and quoted phrases only where they occur as phrases.
     */
    private Query highlighted(UserQuery userQuery, List<Synonyms> synonyms) {
        BooleanQuery.Builder marked = new BooleanQuery.Builder();
        Set<String> terms =
                new java.util.LinkedHashSet<>(analyzed(IndexFields.BODY, String.join(" ", userQuery.words())));
        List<String> asked = List.copyOf(terms);
        for (Synonyms group : synonyms) {
            if (group.saidIn(asked, false)) {
                group.analysed().forEach(terms::addAll);
            }
        }
        terms.forEach(term -> marked.add(new TermQuery(new Term(IndexFields.BODY, term)), Occur.SHOULD));
        for (String phrase : userQuery.phrases()) {
            Query exact = builder.createPhraseQuery(IndexFields.BODY, phrase);
            if (exact != null) {
                marked.add(exact, Occur.SHOULD);
            }
        }
        return marked.build();
    }

    private Query filtered(Query text, Filters filters, long nowMillis) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
        query.add(visibleAt(nowMillis), Occur.FILTER);
        if (filters.sectionId() != null) {
            query.add(
                    new TermQuery(
                            new Term(IndexFields.SECTION, filters.sectionId().toString())),
                    Occur.FILTER);
        }
        if (filters.authorId() != null) {
            query.add(
                    new TermQuery(
                            new Term(IndexFields.AUTHOR, filters.authorId().toString())),
                    Occur.FILTER);
        }
        if (filters.year() != null) {
            query.add(new TermQuery(new Term(IndexFields.YEAR, filters.year().toString())), Occur.FILTER);
        }
        if (filters.fromMillis() != null || filters.untilMillis() != null) {
            long from = filters.fromMillis() == null ? Long.MIN_VALUE : filters.fromMillis();
            long until = filters.untilMillis() == null ? Long.MAX_VALUE : filters.untilMillis() - 1;
            query.add(LongPoint.newRangeQuery(IndexFields.PUBLISHED, from, until), Occur.FILTER);
        }
        return query.build();
    }

    private static Query visibleAt(long nowMillis) {
        return new BooleanQuery.Builder()
                .add(LongPoint.newRangeQuery(IndexFields.VISIBLE_FROM, Long.MIN_VALUE, nowMillis), Occur.FILTER)
                .add(LongPoint.newRangeQuery(IndexFields.VISIBLE_UNTIL, nowMillis + 1, Long.MAX_VALUE), Occur.FILTER)
                .build();
    }

    /**
     * The question as queries, analysed once and built for both ways of scoring a word.
     *
     * @param exact each word scored once over headline, standfirst and body together (BM25F):
     *     what matches, and the order readers see
     * @param prunable each word scored field by field and added up, which Lucene can prune: how a
     *     search by relevance finds the stories to score exactly
     * @param terms the question's words (not its phrases) analysed, stop words left out
     */
    record TextQueries(Query exact, Query prunable, List<String> terms) {}

    /**
     * Ranked: no word is required, stories with more of the words, rarer words, the words in the
     * headline or standfirst, and the words side by side rank higher. A word (almost) no story
     * contains also looks for a one- or two-letter slip. Phrases in quotes must match exactly.
     *
     * @throws news.broadsheet.search.InvalidSearchException when every word is too common to search for
     */
    TextQueries textQueries(UserQuery userQuery, List<Synonyms> synonyms, IndexReader reader) throws IOException {
        BooleanQuery.Builder exact = new BooleanQuery.Builder();
        BooleanQuery.Builder prunable = new BooleanQuery.Builder();
        int clauses = 0;
        Set<String> typoChecked = new HashSet<>();
        for (String word : userQuery.words()) {
            AnalysedWord analysed = analysedWord(word, reader, typoChecked);
            if (analysed != null) {
                exact.add(analysed.query(IndexSearch::combined), Occur.SHOULD);
                prunable.add(analysed.query(IndexSearch::fieldByField), Occur.SHOULD);
                clauses++;
            }
        }
        for (String phrase : userQuery.phrases()) {
            Query query = phraseQuery(phrase);
            if (query != null) {
                // A quoted phrase editors gave synonyms for is found in any of its forms.
                List<String> terms = analyzed(IndexFields.BODY, phrase);
                exact.add(anyOf(query, synonymQueries(terms, synonyms, true, IndexSearch::combined)), Occur.MUST);
                prunable.add(
                        anyOf(query, synonymQueries(terms, synonyms, true, IndexSearch::fieldByField)), Occur.MUST);
                clauses++;
            }
        }
        if (clauses == 0) {
            throw new news.broadsheet.search.InvalidSearchException("Your search only has very common words (like"
                    + " \"the\" or \"and\"), which every story contains. Add a more distinctive word.");
        }
        List<String> terms = analyzed(IndexFields.BODY, String.join(" ", userQuery.words()));
        synonymQueries(terms, synonyms, false, IndexSearch::combined).forEach(other -> exact.add(other, Occur.SHOULD));
        synonymQueries(terms, synonyms, false, IndexSearch::fieldByField)
                .forEach(other -> prunable.add(other, Occur.SHOULD));
        return new TextQueries(exact.build(), prunable.build(), terms);
    }

    /** The query, or when there are others, any of it and them. */
    private static Query anyOf(Query query, List<Query> others) {
        if (others.isEmpty()) {
            return query;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder().add(query, Occur.SHOULD);
        others.forEach(other -> any.add(other, Occur.SHOULD));
        return any.build();
    }

    /** The question's words next to each other (within two words) in a story, as they were in the question. */
    private static List<Query> pairQueries(List<String> terms) {
        List<Query> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < terms.size(); i++) {
            for (String field : FIELD_WEIGHTS.keySet()) {
                pairs.add(
                        new BoostQuery(new PhraseQuery(PAIR_SLOP, field, terms.get(i), terms.get(i + 1)), PAIR_BOOST));
            }
        }
        return pairs;
    }

    /**
     * A word of the question analysed: its terms (several for a word like "cease-fire", all
     * required), and near spellings to look for when (almost) no story has it.
     */
    private record AnalysedWord(List<String> terms, List<Query> typos) {

        Query query(Function<String, Query> scored) {
            Query exact;
            if (terms.size() == 1) {
                exact = scored.apply(terms.getFirst());
            } else {
                BooleanQuery.Builder every = new BooleanQuery.Builder();
                terms.forEach(term -> every.add(scored.apply(term), Occur.MUST));
                exact = every.build();
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder().add(exact, Occur.SHOULD);
            typos.forEach(typo -> any.add(typo, Occur.SHOULD));
            return any.build();
        }
    }

    /**
     * @param typoChecked words already given typo alternatives: a word said twice counts twice, but
     *     its near spellings only once (a long question repeating a rare word would otherwise let any
     *     near spelling of it outweigh the question's other words)
     * @return null for a stop word, which says nothing about which stories match
     */
    private @Nullable AnalysedWord analysedWord(String word, IndexReader reader, Set<String> typoChecked)
            throws IOException {
        List<String> terms = analyzed(IndexFields.BODY, word);
        if (terms.isEmpty()) {
            return null;
        }
        List<Query> typos = new ArrayList<>(1);
        for (String token : analyzed(IndexFields.PLAIN, word)) {
            // Typo alternatives only for words (almost) no story contains: expanding a word that is
            // spelled right and common costs much and adds nothing but noise.
            if (token.length() >= 4
                    && typoChecked.add(token)
                    && reader.docFreq(new Term(IndexFields.PLAIN, token)) < RARE_WORD_STORIES) {
                int edits = token.length() >= 8 ? 2 : 1;
                typos.add(new BoostQuery(
                        new FuzzyQuery(new Term(IndexFields.PLAIN, token), edits, 0, 50, true), TYPO_BOOST));
            }
        }
        return new AnalysedWord(terms, typos);
    }

    /**
     * For each synonym group with a member among the words (or, when {@code whole}, equal to them),
     * a query for each other member: a word scored like the reader's own words, a phrase as an
     * exact phrase. Members are compared as analysed, so "Atlantic alliances" finds the group of
     * "Atlantic alliance".
     */
    private List<Query> synonymQueries(
            List<String> terms, List<Synonyms> synonyms, boolean whole, Function<String, Query> scored) {
        List<Query> queries = new ArrayList<>();
        if (terms.isEmpty()) {
            return queries;
        }
        for (Synonyms group : synonyms) {
            if (!group.saidIn(terms, whole)) {
                continue;
            }
            List<List<String>> members = group.analysed();
            for (int i = 0; i < members.size() && queries.size() < MAX_SYNONYM_QUERIES; i++) {
                List<String> member = members.get(i);
                if (member.isEmpty() || java.util.Collections.indexOfSubList(terms, member) >= 0) {
                    continue;
                }
                Query query = member.size() == 1
                        ? scored.apply(member.getFirst())
                        : phraseQuery(group.members().get(i));
                if (query != null) {
                    queries.add(query);
                }
            }
        }
        return queries;
    }

    /**
     * A synonym group with each member analysed as body text, once per search.
     *
     * @param analysed the members' terms, in the order of {@code members}; empty for a member of
     *     stop words only
     */
    record Synonyms(List<String> members, List<List<String>> analysed) {

        /** Whether a member is among these terms (or, when {@code whole}, is exactly them). */
        boolean saidIn(List<String> terms, boolean whole) {
            return analysed.stream()
                    .anyMatch(m -> !m.isEmpty()
                            && (whole ? m.equals(terms) : java.util.Collections.indexOfSubList(terms, m) >= 0));
        }
    }

    private List<Synonyms> analysed(List<List<String>> groups) {
        return groups.stream()
                .map(group -> new Synonyms(
                        group,
                        group.stream().map(m -> analyzed(IndexFields.BODY, m)).toList()))
                .toList();
    }

    /** The words' matches and the pinned stories, within the filters: what a search by relevance lists. */
    private Query withPins(Query text, List<Long> pinned, Filters filters, long nowMillis) {
        BooleanQuery.Builder any = new BooleanQuery.Builder().add(text, Occur.SHOULD);
        pinned.forEach(id -> any.add(new TermQuery(IndexFields.idTerm(id)), Occur.SHOULD));
        return filtered(any.build(), filters, nowMillis);
    }

    /** The pinned stories that pass the filters and are visible now, in the editors' order. */
    private List<ScoreDoc> pinnedDocs(IndexSearcher searcher, List<Long> pinned, Filters filters, long nowMillis)
            throws IOException {
        List<ScoreDoc> docs = new ArrayList<>();
        for (long id : pinned) {
            TopDocs found = searcher.search(filtered(new TermQuery(IndexFields.idTerm(id)), filters, nowMillis), 1);
            if (found.scoreDocs.length > 0) {
                docs.add(new ScoreDoc(found.scoreDocs[0].doc, Float.MAX_VALUE));
            }
        }
        return docs;
    }

    /** The pinned stories first, then the ranked ones without them. */
    private static TopDocs withPinsFirst(List<ScoreDoc> pins, TopDocs ranked) {
        if (pins.isEmpty()) {
            return ranked;
        }
        Set<Integer> pinnedDocs = new HashSet<>();
        pins.forEach(pin -> pinnedDocs.add(pin.doc));
        List<ScoreDoc> all = new ArrayList<>(pins);
        for (ScoreDoc doc : ranked.scoreDocs) {
            if (!pinnedDocs.contains(doc.doc)) {
                all.add(doc);
            }
        }
        return new TopDocs(ranked.totalHits, all.toArray(ScoreDoc[]::new));
    }

    /**
     * Live stories whose headline has every word typed so far, the last one perhaps unfinished
     * ("nato sum" finds "NATO summit opens"), newest first. Empty while there is no index.
     */
    public List<Long> headlinesStartingWith(String typed, int limit, long nowMillis) {
        List<String> words = analyzed(IndexFields.HEADLINE_WORDS, typed);
        if (words.isEmpty()) {
            return List.of();
        }
        boolean lastFinished = Character.isWhitespace(typed.charAt(typed.length() - 1));
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(visibleAt(nowMillis), Occur.FILTER);
        for (int i = 0; i < words.size(); i++) {
            Term term = new Term(IndexFields.HEADLINE_WORDS, words.get(i));
            boolean last = i == words.size() - 1;
            query.add(last && !lastFinished ? new PrefixQuery(term) : new TermQuery(term), Occur.FILTER);
        }
        SearchIndex.Acquired acquired = index.acquire();
        if (acquired == null) {
            return List.of();
        }
        try (acquired) {
            IndexSearcher searcher = acquired.searcher();
            return ids(searcher, searcher.search(query.build(), limit, NEWEST_FIRST).scoreDocs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a word or phrase has anything search looks for (not only words as common as "the"). */
    public boolean searchable(String text) {
        return !analyzed(IndexFields.BODY, text).isEmpty();
    }

    /** One analysed word scored once over headline, standfirst and body together (BM25F). */
    private static Query combined(String term) {
        CombinedFieldQuery.Builder combined = new CombinedFieldQuery.Builder().addTerm(new BytesRef(term));
        FIELD_WEIGHTS.forEach(combined::addField);
        return combined.build();
    }

    /**
     * One analysed word scored in headline, standfirst and body apart, weighted and added up: it
     * matches the same stories as {@link #combined} and ranks them much as it does, and unlike it
     * lets Lucene skip blocks of stories that cannot reach the first results.
     */
    private static Query fieldByField(String term) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        FIELD_WEIGHTS.forEach((field, weight) ->
                fields.add(new BoostQuery(new TermQuery(new Term(field, term)), weight), Occur.SHOULD));
        return fields.build();
    }

    private @Nullable Query phraseQuery(String phrase) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (var field : FIELD_WEIGHTS.entrySet()) {
            Query exact = builder.createPhraseQuery(field.getKey(), phrase);
            if (exact != null) {
                any.add(new BoostQuery(exact, field.getValue()), Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : any.build();
    }

    /**
     * The first results reranked by the question's words side by side, and by the words that
     * characterise the best of them (pseudo-relevance feedback), so a story that says it in other
     * words still ranks: the first {@value #RERANK_WINDOW} are reordered, the rest keep their order
     * (so every page shows the same order). Both only reorder: they never add a story.
     */
    private TopDocs reranked(IndexSearcher searcher, TopDocs first, Query text, List<Query> pairs, int questionTerms)
            throws IOException {
        first = exactly(searcher, first, text);
        int head = Math.min(RERANK_WINDOW, first.scoreDocs.length);
        TopDocs window = head(first, head);
        if (!pairs.isEmpty()) {
            BooleanQuery.Builder together = new BooleanQuery.Builder();
            pairs.forEach(pair -> together.add(pair, Occur.SHOULD));
            window = WindowRescorer.rescored(searcher, window, together.build(), WindowRescorer.added(1));
        }
        // Feedback reads the best stories with the pairs counted, so that a story with the
        // question's words together lends its words more than one with them scattered.
        Query feedback = feedbackQuery(searcher, window);
        if (feedback != null) {
            // The feedback words, together, weigh as much as the question's own words.
            window = WindowRescorer.rescored(
                    searcher, window, feedback, WindowRescorer.added(Math.max(1, questionTerms)));
        }
        return withHead(first, window);
    }

    /**
     * The first pass's hits with the first {@value #EXACT_WINDOW} scored again with BM25F over
     * the three fields together, as if they had been found so (each of them matches the same
     * words); the rest keep the first pass's order after them.
     */
    private static TopDocs exactly(IndexSearcher searcher, TopDocs first, Query text) throws IOException {
        int exact = Math.min(EXACT_WINDOW, first.scoreDocs.length);
        return withHead(first, WindowRescorer.rescored(searcher, head(first, exact), text, WindowRescorer.REPLACED));
    }

    /** The hits with their first ones replaced by the head given (reordered), the rest after them as they were. */
    private static TopDocs withHead(TopDocs hits, TopDocs head) {
        ScoreDoc[] all = java.util.Arrays.copyOf(hits.scoreDocs, hits.scoreDocs.length);
        System.arraycopy(head.scoreDocs, 0, all, 0, head.scoreDocs.length);
        return new TopDocs(hits.totalHits, all);
    }

    /** The first {@code count} of the hits. */
    private static TopDocs head(TopDocs hits, int count) {
        return new TopDocs(
                new TotalHits(count, TotalHits.Relation.EQUAL_TO), java.util.Arrays.copyOf(hits.scoreDocs, count));
    }

    /**
     * The words of the first stories that characterise them, from the words each story uses most
     * (kept in the index when it was indexed, see {@link StoryWords}): each weighs by how often it
     * occurs there, how well the story ranked and how rare the word is across the index; the best,
     * normalised to weigh 1 together. Null when there are none.
     */
    private @Nullable Query feedbackQuery(IndexSearcher searcher, TopDocs results) throws IOException {
        ScoreDoc[] firstStories =
                java.util.Arrays.copyOf(results.scoreDocs, Math.min(FEEDBACK_STORIES, results.scoreDocs.length));
        if (firstStories.length == 0) {
            return null;
        }
        IndexReader reader = searcher.getIndexReader();
        float best = firstStories[0].score;
        // Each word's weight summed in a holder of its own: a boxed Double per addition was most of
        // what this step allocated.
        Map<String, double[]> weights = new HashMap<>();
        for (ScoreDoc doc : firstStories) {
            StoryWords.Words words = StoryWords.read(reader, doc.doc);
            double storyWeight = best > 0 ? doc.score / best : 1;
            for (int i = 0; i < words.terms().size(); i++) {
                weights.computeIfAbsent(words.terms().get(i), term -> new double[1])[0] +=
                        storyWeight * words.shares()[i];
            }
        }
        int stories = reader.numDocs();
        FeedbackWords chosen = new FeedbackWords(FEEDBACK_WORDS);
        for (var weight : weights.entrySet()) {
            String term = weight.getKey();
            double value = weight.getValue()[0] * idf(docFreq(reader, term), stories);
            if (value > 0) {
                chosen.offer(term, value);
            }
        }
        double sum = chosen.sum();
        if (sum <= 0) {
            return null;
        }
        BooleanQuery.Builder feedback = new BooleanQuery.Builder();
        for (int i = 0; i < chosen.size(); i++) {
            feedback.add(new BoostQuery(combined(chosen.term(i)), (float) (chosen.weight(i) / sum)), Occur.SHOULD);
        }
        return feedback.build();
    }

    /**
     * The heaviest words offered, heaviest first, and of words that weigh the same the one offered
     * first (as a stable sort of all of them would order them): a few hundred words are offered
     * per search and a dozen kept, so they are not all sorted.
     */
    static final class FeedbackWords {
        private final String[] terms;
        private final double[] weights;
        private int size;

        FeedbackWords(int capacity) {
            this.terms = new String[capacity];
            this.weights = new double[capacity];
        }

        void offer(String term, double weight) {
            if (terms.length == 0 || (size == terms.length && weight <= weights[size - 1])) {
                return;
            }
            // After the words that weigh as much or more: those were offered first.
            int at = size == terms.length ? size - 1 : size;
            while (at > 0 && weights[at - 1] < weight) {
                at--;
            }
            int moved = Math.min(size, terms.length - 1) - at;
            System.arraycopy(terms, at, terms, at + 1, moved);
            System.arraycopy(weights, at, weights, at + 1, moved);
            terms[at] = term;
            weights[at] = weight;
            size = Math.min(size + 1, terms.length);
        }

        int size() {
            return size;
        }

        String term(int i) {
            return terms[i];
        }

        double weight(int i) {
            return weights[i];
        }

        /** The weights added up as a stream of them adds them (compensated), so the result is the same. */
        double sum() {
            return java.util.Arrays.stream(weights, 0, size).sum();
        }
    }

    /**
     * The query with each word that no story has in any form replaced by the spelling most stories
     * use within two letters of it, phrases and other words as typed; null when nothing changes. A
     * word some story has is never "corrected", however rare: it may be the very name looked for.
     */
    private @Nullable String suggestion(UserQuery userQuery, IndexReader reader) throws IOException {
        List<String> parts = new ArrayList<>();
        boolean changed = false;
        for (String word : userQuery.words()) {
            List<String> tokens = analyzed(IndexFields.PLAIN, word);
            String replacement = word;
            if (tokens.size() == 1 && tokens.getFirst().length() >= 3) {
                Term term = new Term(IndexFields.PLAIN, tokens.getFirst());
                if (reader.docFreq(term) == 0 && storiesWith(word, reader) == 0) {
                    SuggestWord[] better =
                            new DirectSpellChecker().suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_MORE_POPULAR);
                    if (better.length > 0) {
                        replacement = better[0].string;
                        changed = true;
                    }
                }
            }
            parts.add(replacement);
        }
        for (String phrase : userQuery.phrases()) {
            parts.add('"' + phrase + '"');
        }
        return changed ? String.join(" ", parts) : null;
    }

    /** How many stories have the word in some form (stemmed: "club's" is "club"), counted per field. */
    private long storiesWith(String word, IndexReader reader) throws IOException {
        long stories = 0;
        for (String term : analyzed(IndexFields.BODY, word)) {
            for (String field : FIELD_WEIGHTS.keySet()) {
                stories += reader.docFreq(new Term(field, term));
            }
        }
        return stories;
    }

    private List<String> analyzed(String field, String text) {
        List<String> tokens = new ArrayList<>();
        Analyzer analyzer = index.analyzer();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
