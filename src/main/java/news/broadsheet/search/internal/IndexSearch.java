package news.broadsheet.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
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
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
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
     * collection); words next to each other in the question score again when they are next to
     * each other in a story; then pseudo-relevance feedback adds the words that best characterise
     * the first few results, as much in all as the question's own words weigh, so a story that
     * says it in other words still ranks.
     */
    /** The text fields and the weight of a word in each (BM25F), in one place for every query built here. */
    private static final Map<String, Float> FIELD_WEIGHTS =
            Map.of(IndexFields.HEADLINE, 4f, IndexFields.STANDFIRST, 2f, IndexFields.BODY, 1f);

    private static final float TYPO_BOOST = 0.3f;
    private static final float PAIR_BOOST = 0.3f;
    private static final int PAIR_SLOP = 2;
    private static final int FEEDBACK_STORIES = 10;
    private static final int FEEDBACK_WORDS = 15;
    /** Only the start of each feedback story is read: a news story says what it is about early. */
    private static final int FEEDBACK_CHARACTERS = 4_000;

    /** Pinned stories score this much, so they come first whatever the words score (a few hundred at most). */
    private static final float PIN_SCORE = 100_000f;

    private static final int FACET_VALUES = 20;
    /** A word in fewer stories than this may be a misspelling, so near spellings are searched too. */
    private static final int RARE_WORD_STORIES = 5;
    /** Related stories ignore words in more than this share of stories... */
    private static final int COMMON_WORD_PERCENT = 30;
    /** ...unless they are in no more than this many stories (and not in every one). */
    private static final int COMMON_WORD_MIN_STORIES = 10;

    /**
     * What a search found.
     *
     * @param suggestion the query with words no story has replaced by near spellings stories use;
     *     null when every word is in some story or none has a near spelling
     */
    public record Found(
            List<Long> ids,
            Map<Long, String> snippets,
            long total,
            Map<String, List<Count>> facets,
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
    private final QueryBuilder builder;
    private final AtomicLong relatedLookUps = new AtomicLong();
    private volatile @Nullable FacetState facetState;

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

    IndexSearch(SearchIndex index) {
        this.index = index;
        this.builder = new QueryBuilder(index.analyzer());
    }

    public boolean available() {
        return index.available();
    }

    /** How many related-story queries this node has run (they should be rare: see RelatedStoriesCache). */
    public long relatedLookUps() {
        return relatedLookUps.get();
    }

    /**
     * Searches, or returns null while there is no index yet.
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
            long nowMillis) {
        SearchIndex.Acquired acquired = index.acquire();
        if (acquired == null) {
            return null;
        }
        try (acquired) {
            IndexSearcher searcher = acquired.searcher();
            Query text = textQuery(userQuery, editorial.synonyms(), searcher.getIndexReader());
            Query query = filtered(text, filters, nowMillis);
            if (!newest) {
                // Newest first lists what matches the words; feedback words would only add noise there.
                int questionTerms = analyzed(IndexFields.BODY, String.join(" ", userQuery.words()))
                        .size();
                query = filtered(
                        withPins(withFeedback(searcher, text, query, questionTerms), editorial.pinned()),
                        filters,
                        nowMillis);
            }
            int wanted = offset + limit;
            FacetsCollectorManager.FacetsResult result = newest
                    ? FacetsCollectorManager.search(
                            searcher,
                            query,
                            wanted,
                            new Sort(
                                    new SortField(IndexFields.PUBLISHED, SortField.Type.LONG, true),
                                    new SortField(IndexFields.ID, SortField.Type.LONG, true)),
                            new FacetsCollectorManager())
                    : FacetsCollectorManager.search(searcher, query, wanted, new FacetsCollectorManager());
            TopDocs top = result.topDocs();
            ScoreDoc[] page = java.util.Arrays.copyOfRange(
                    top.scoreDocs, Math.min(offset, top.scoreDocs.length), top.scoreDocs.length);
            List<Long> ids = new ArrayList<>();
            var storedFields = searcher.storedFields();
            for (ScoreDoc doc : page) {
                ids.add(Long.parseLong(storedFields.document(doc.doc).get(IndexFields.ID)));
            }
            Map<Long, String> snippets = snippets(searcher, text, page, ids);
            Map<String, List<Count>> counts = new LinkedHashMap<>();
            if (top.totalHits.value() > 0) {
                Facets facets = new SortedSetDocValuesFacetCounts(facetState(searcher), result.facetsCollector());
                for (String dim : List.of(IndexFields.SECTION, IndexFields.AUTHOR, IndexFields.YEAR)) {
                    FacetResult facet = facets.getTopChildren(FACET_VALUES, dim);
                    List<Count> values = new ArrayList<>();
                    if (facet != null) {
                        for (LabelAndValue lv : facet.labelValues) {
                            values.add(new Count(lv.label, lv.value.longValue()));
                        }
                    }
                    counts.put(dim, values);
                }
            }
            TotalHits total = top.totalHits;
            String suggestion = offset == 0 ? suggestion(userQuery, searcher.getIndexReader()) : null;
            return new Found(ids, snippets, total.value(), counts, suggestion);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
            Query like = mlt.like(self.scoreDocs[0].doc);
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
        var storedFields = searcher.storedFields();
        for (ScoreDoc doc : top.scoreDocs) {
            long id = Long.parseLong(storedFields.document(doc.doc).get(IndexFields.ID));
            if (!into.contains(id)) {
                into.add(id);
            }
        }
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
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.analyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000)
                .build();
        TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        String[] bodies = highlighter.highlight(IndexFields.BODY, query, docs, 2);
        for (int i = 0; i < page.length; i++) {
            String snippet = bodies[i];
            snippets.put(ids.get(i), snippet == null ? "" : snippet);
        }
        return snippets;
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
     * Ranked: no word is required, stories with more of the words, rarer words, the words in the
     * headline or standfirst, and the words side by side rank higher. A word (almost) no story
     * contains also looks for a one- or two-letter slip. Phrases in quotes must match exactly.
     *
     * @throws news.broadsheet.search.InvalidSearchException when every word is too common to search for
     */
    Query textQuery(UserQuery userQuery, List<List<String>> synonyms, IndexReader reader) throws IOException {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        Set<String> typoChecked = new HashSet<>();
        for (String word : userQuery.words()) {
            Query query = wordQuery(word, reader, typoChecked);
            if (query != null) {
                all.add(query, Occur.SHOULD);
                clauses++;
            }
        }
        for (String phrase : userQuery.phrases()) {
            Query query = phraseQuery(phrase);
            if (query != null) {
                // A quoted phrase editors gave synonyms for is found in any of its forms.
                List<Query> others = synonymQueries(analyzed(IndexFields.BODY, phrase), synonyms, true);
                if (!others.isEmpty()) {
                    BooleanQuery.Builder any = new BooleanQuery.Builder().add(query, Occur.SHOULD);
                    others.forEach(other -> any.add(other, Occur.SHOULD));
                    query = any.build();
                }
                all.add(query, Occur.MUST);
                clauses++;
            }
        }
        if (clauses == 0) {
            throw new news.broadsheet.search.InvalidSearchException("Your search only has very common words (like"
                    + " \"the\" or \"and\"), which every story contains. Add a more distinctive word.");
        }
        List<String> terms = analyzed(IndexFields.BODY, String.join(" ", userQuery.words()));
        for (Query other : synonymQueries(terms, synonyms, false)) {
            all.add(other, Occur.SHOULD);
        }
        for (int i = 0; i + 1 < terms.size(); i++) {
            for (String field : FIELD_WEIGHTS.keySet()) {
                all.add(
                        new BoostQuery(new PhraseQuery(PAIR_SLOP, field, terms.get(i), terms.get(i + 1)), PAIR_BOOST),
                        Occur.SHOULD);
            }
        }
        return all.build();
    }

    /**
     * @param typoChecked words already given typo alternatives: a word said twice counts twice, but
     *     its near spellings only once (a long question repeating a rare word would otherwise let any
     *     near spelling of it outweigh the question's other words)
     */
    private @Nullable Query wordQuery(String word, IndexReader reader, Set<String> typoChecked) throws IOException {
        List<String> terms = analyzed(IndexFields.BODY, word);
        if (terms.isEmpty()) {
            // A stop word: it says nothing about which stories match.
            return null;
        }
        BooleanQuery.Builder every = new BooleanQuery.Builder();
        for (String term : terms) {
            every.add(combined(term), Occur.MUST);
        }
        Query exact = terms.size() == 1 ? combined(terms.getFirst()) : every.build();
        BooleanQuery.Builder any = new BooleanQuery.Builder().add(exact, Occur.SHOULD);
        for (String token : analyzed(IndexFields.PLAIN, word)) {
            // Typo alternatives only for words (almost) no story contains: expanding a word that is
            // spelled right and common costs much and adds nothing but noise.
            if (token.length() >= 4
                    && typoChecked.add(token)
                    && reader.docFreq(new Term(IndexFields.PLAIN, token)) < RARE_WORD_STORIES) {
                int edits = token.length() >= 8 ? 2 : 1;
                any.add(
                        new BoostQuery(
                                new FuzzyQuery(new Term(IndexFields.PLAIN, token), edits, 0, 50, true), TYPO_BOOST),
                        Occur.SHOULD);
            }
        }
        return any.build();
    }

    /**
     * For each synonym group with a member among the words (or, when {@code whole}, equal to them),
     * a query for each other member: a word scored like the reader's own words, a phrase as an
     * exact phrase. Members are compared as analysed, so "Atlantic alliances" finds the group of
     * "Atlantic alliance".
     */
    private List<Query> synonymQueries(List<String> terms, List<List<String>> synonyms, boolean whole) {
        List<Query> queries = new ArrayList<>();
        if (terms.isEmpty()) {
            return queries;
        }
        for (List<String> group : synonyms) {
            List<List<String>> members =
                    group.stream().map(m -> analyzed(IndexFields.BODY, m)).toList();
            boolean said = members.stream()
                    .anyMatch(m -> !m.isEmpty()
                            && (whole ? m.equals(terms) : java.util.Collections.indexOfSubList(terms, m) >= 0));
            if (!said) {
                continue;
            }
            for (int i = 0; i < members.size(); i++) {
                List<String> member = members.get(i);
                if (member.isEmpty() || java.util.Collections.indexOfSubList(terms, member) >= 0) {
                    continue;
                }
                Query query = member.size() == 1 ? combined(member.getFirst()) : phraseQuery(group.get(i));
                if (query != null) {
                    queries.add(query);
                }
            }
        }
        return queries;
    }

    /** The stories editors pinned for this search first, in their order, then the rest as ranked. */
    private static Query withPins(Query ranked, List<Long> pinned) {
        if (pinned.isEmpty()) {
            return ranked;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(ranked, Occur.SHOULD);
        for (int i = 0; i < pinned.size(); i++) {
            query.add(
                    new BoostQuery(
                            new ConstantScoreQuery(new TermQuery(IndexFields.idTerm(pinned.get(i)))),
                            PIN_SCORE * (pinned.size() - i)),
                    Occur.SHOULD);
        }
        return query.build();
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
            TopDocs top = searcher.search(
                    query.build(),
                    limit,
                    new Sort(
                            new SortField(IndexFields.PUBLISHED, SortField.Type.LONG, true),
                            new SortField(IndexFields.ID, SortField.Type.LONG, true)));
            List<Long> ids = new ArrayList<>();
            var storedFields = searcher.storedFields();
            for (ScoreDoc doc : top.scoreDocs) {
                ids.add(Long.parseLong(storedFields.document(doc.doc).get(IndexFields.ID)));
            }
            return ids;
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
     * The question, reranked by the words that characterise its first results (pseudo-relevance feedback):
     * each word of the first stories weighs by how often it occurs there, how well the story
     * ranked and how rare the word is across the index; the best, together, weigh as much as the
     * question's own words.
     */
    private Query withFeedback(IndexSearcher searcher, Query text, Query firstPass, int questionTerms)
            throws IOException {
        TopDocs first = searcher.search(firstPass, FEEDBACK_STORIES);
        if (first.scoreDocs.length == 0) {
            return text;
        }
        IndexReader reader = searcher.getIndexReader();
        var storedFields = searcher.storedFields();
        float best = first.scoreDocs[0].score;
        Map<String, Double> weights = new HashMap<>();
        for (ScoreDoc doc : first.scoreDocs) {
            var story = storedFields.document(doc.doc);
            String words = String.join(
                    "\n",
                    java.util.Objects.requireNonNullElse(story.get(IndexFields.HEADLINE), ""),
                    java.util.Objects.requireNonNullElse(story.get(IndexFields.STANDFIRST), ""),
                    java.util.Objects.requireNonNullElse(story.get(IndexFields.BODY), ""));
            List<String> terms = analyzed(
                    IndexFields.BODY,
                    words.length() > FEEDBACK_CHARACTERS ? words.substring(0, FEEDBACK_CHARACTERS) : words);
            if (terms.isEmpty()) {
                continue;
            }
            Map<String, Integer> counts = new HashMap<>();
            for (String term : terms) {
                counts.merge(term, 1, Integer::sum);
            }
            double storyWeight = best > 0 ? doc.score / best : 1;
            for (var count : counts.entrySet()) {
                weights.merge(count.getKey(), storyWeight * count.getValue() / terms.size(), Double::sum);
            }
        }
        int stories = reader.numDocs();
        List<Map.Entry<String, Double>> ranked = new ArrayList<>();
        for (var weight : weights.entrySet()) {
            String term = weight.getKey();
            if (term.length() < 3 || term.chars().allMatch(Character::isDigit)) {
                continue;
            }
            int df = reader.docFreq(new Term(IndexFields.BODY, term));
            double idf = Math.log(1 + (stories - df + 0.5) / (df + 0.5));
            ranked.add(Map.entry(term, weight.getValue() * idf));
        }
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        List<Map.Entry<String, Double>> chosen = ranked.subList(0, Math.min(FEEDBACK_WORDS, ranked.size()));
        double sum = chosen.stream().mapToDouble(Map.Entry::getValue).sum();
        if (sum <= 0) {
            return text;
        }
        BooleanQuery.Builder feedback = new BooleanQuery.Builder();
        for (var term : chosen) {
            feedback.add(new BoostQuery(combined(term.getKey()), (float) (term.getValue() / sum)), Occur.SHOULD);
        }
        // The feedback words only reorder stories that have the reader's own words: a story with
        // none of them would surprise a reader, and would make "N stories match" untrue.
        return new BooleanQuery.Builder()
                .add(text, Occur.MUST)
                .add(new BoostQuery(feedback.build(), Math.max(1, questionTerms)), Occur.SHOULD)
                .build();
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
