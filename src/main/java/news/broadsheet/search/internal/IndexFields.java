package news.broadsheet.search.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import news.broadsheet.article.SearchableArticle;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;

/**
 * How an article becomes a Lucene document: English-analysed headline, standfirst and body
 * (stemmed, stop words removed), an unstemmed copy of all text for typo-tolerant matching, the
 * times that decide visibility, and facet values as ids (names are looked up when shown).
 */
final class IndexFields {

    static final String ID = "id";
    static final String HEADLINE = "headline";
    static final String STANDFIRST = "standfirst";
    static final String BODY = "body";
    static final String PLAIN = "plain";
    /** The headline's words unstemmed, for suggestions as a reader types (a prefix of a stem is no prefix of the word). */
    static final String HEADLINE_WORDS = "headline_words";
    /** The words the story uses most, for pseudo-relevance feedback (see {@link StoryWords}). */
    static final String STORY_WORDS = "story_words";

    static final String SECTION = "section";
    static final String AUTHOR = "author";
    static final String YEAR = "year";
    static final String PUBLISHED = "published";
    static final String VISIBLE_FROM = "visible_from";
    static final String VISIBLE_UNTIL = "visible_until";

    /**
     * Changes whenever documents are built differently (fields, analysis, index options): an index
     * of another format is rebuilt, as Lucene refuses to mix index options of one field.
     */
    static final String FORMAT = "5";

    private static final FieldType PLAIN_TYPE = new FieldType();
    private static final FieldType WORDS_TYPE = new FieldType();
    /**
     * The body keeps term offsets, so snippets are highlighted without analysing the text again. Its
     * text is stored apart, compressed on its own (see {@link StoryText}), as what is indexed is the
     * words already analysed.
     */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
        PLAIN_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        PLAIN_TYPE.setTokenized(true);
        PLAIN_TYPE.setOmitNorms(false);
        PLAIN_TYPE.freeze();
        WORDS_TYPE.setIndexOptions(IndexOptions.DOCS);
        WORDS_TYPE.setTokenized(true);
        WORDS_TYPE.setOmitNorms(true);
        WORDS_TYPE.freeze();
    }

    private IndexFields() {}

    static Analyzer analyzer() {
        Analyzer plain = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
            }
        };
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(PLAIN, plain, HEADLINE_WORDS, plain));
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(AUTHOR, true);
        return config;
    }

    static Term idTerm(long id) {
        return new Term(ID, Long.toString(id));
    }

    /**
     * @param storyWordsAnalyzer analyses the body once for the index and for its words (see {@link
     *     StoryWords}); an instance of {@link #analyzer()} used for nothing else, as the body's
     *     words are analysed when the writer reads the document, not here: the writer's own
     *     analysis of the other fields must not reuse its parts meanwhile, and a thread adds the
     *     document built with it before it builds the next
     */
    static Document document(SearchableArticle article, ZoneId zone, FacetsConfig facets, Analyzer storyWordsAnalyzer)
            throws java.io.IOException {
        Instant published = java.util.Objects.requireNonNull(article.publishedAt());
        long visibleFrom = published.toEpochMilli();
        if (article.embargoUntil() != null && article.embargoUntil().toEpochMilli() > visibleFrom) {
            visibleFrom = article.embargoUntil().toEpochMilli();
        }
        long visibleUntil = article.expiresAt() == null
                ? Long.MAX_VALUE
                : article.expiresAt().toEpochMilli();
        int year = published.atZone(zone).getYear();

        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(article.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(ID, article.id()));
        doc.add(new TextField(HEADLINE, article.headline(), Field.Store.YES));
        doc.add(new TextField(STANDFIRST, article.standfirst(), Field.Store.YES));
        StoryWords.Counter words = new StoryWords.Counter();
        words.count(storyWordsAnalyzer, BODY, article.headline() + "\n" + article.standfirst() + "\n");
        doc.add(StoryText.stored(article.bodyText()));
        doc.add(new Field(
                BODY, words.countedAsRead(storyWordsAnalyzer.tokenStream(BODY, article.bodyText())), BODY_TYPE));
        doc.add(new Field(HEADLINE_WORDS, article.headline(), WORDS_TYPE));
        doc.add(new Field(
                PLAIN, article.headline() + "\n" + article.standfirst() + "\n" + article.bodyText(), PLAIN_TYPE));
        // After the body's field: the writer reads the fields in order, and the words are counted
        // as it reads the body.
        doc.add(words.encodedWhenRead());
        doc.add(new StringField(SECTION, Long.toString(article.sectionId()), Field.Store.YES));
        doc.add(new SortedSetDocValuesFacetField(SECTION, Long.toString(article.sectionId())));
        for (long author : article.authorIds()) {
            doc.add(new StringField(AUTHOR, Long.toString(author), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(AUTHOR, Long.toString(author)));
        }
        doc.add(new StringField(YEAR, Integer.toString(year), Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(YEAR, Integer.toString(year)));
        doc.add(new LongPoint(PUBLISHED, published.toEpochMilli()));
        doc.add(new NumericDocValuesField(PUBLISHED, published.toEpochMilli()));
        doc.add(new LongPoint(VISIBLE_FROM, visibleFrom));
        doc.add(new LongPoint(VISIBLE_UNTIL, visibleUntil));
        doc.add(new StoredField(VISIBLE_FROM, visibleFrom));
        return facets.build(doc);
    }
}
