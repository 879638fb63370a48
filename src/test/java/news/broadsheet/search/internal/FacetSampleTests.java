package news.broadsheet.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The sample facets are counted on, drawn from the matches of a real Lucene index. */
class FacetSampleTests {

    @Test
    void drawsOneMatchFromEachRunOfMatchesAcrossSegments() throws IOException {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            // Three segments; every third story matches, in dense and in sparse stretches.
            for (int segment = 0; segment < 3; segment++) {
                for (int i = 0; i < 3_000; i++) {
                    boolean matches = segment == 1 ? i % 500 == 0 : i % 3 == 0;
                    writer.addDocument(story(matches));
                }
                writer.commit();
            }
            try (var reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSize(3);
                IndexSearcher searcher = new IndexSearcher(reader);
                FacetsCollector matches =
                        searcher.search(new TermQuery(new Term("kind", "match")), new FacetsCollectorManager());
                List<Integer> all = docs(matches);
                assertThat(all).hasSize(1_000 + 6 + 1_000);

                List<Integer> sample = docs(FacetSample.of(matches, all.size(), 100));

                assertThat(sample).hasSize(100).doesNotHaveDuplicates().isSorted();
                assertThat(all).containsAll(sample);
                // One from each run of about 20 matches, in order: the i-th drawn is the i-th run's.
                for (int run = 0; run < sample.size(); run++) {
                    int rank = all.indexOf(sample.get(run));
                    assertThat(rank)
                            .as("run %d", run)
                            .isBetween(all.size() * run / 100, all.size() * (run + 1) / 100 - 1);
                }
                assertThat(docs(FacetSample.of(matches, all.size(), 100)))
                        .as("the same matches, the same sample")
                        .isEqualTo(sample);

                List<Integer> half = docs(FacetSample.of(matches, all.size(), 1_003));
                assertThat(half).hasSize(1_003).doesNotHaveDuplicates();
                assertThat(all).containsAll(half);
                assertThat(half).as("some from the sparse middle segment").anyMatch(doc -> doc >= 3_000 && doc < 6_000);
            }
        }
    }

    @Test
    void aSampleFromOneOfSeveralSegmentsIsCountedUnderItsOwnLabels() throws IOException {
        FacetsConfig config = new FacetsConfig();
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            // The first segment holds labels the second has not, so a label's number in the
            // second segment is not its number across the index.
            for (int i = 0; i < 50; i++) {
                writer.addDocument(config.build(labelled(false, "Arts " + i)));
            }
            writer.commit();
            for (int i = 0; i < 200; i++) {
                writer.addDocument(config.build(labelled(true, i % 4 == 0 ? "Sport" : "World")));
            }
            writer.commit();
            try (var reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSize(2);
                IndexSearcher searcher = new IndexSearcher(reader);
                FacetsCollector matches =
                        searcher.search(new TermQuery(new Term("kind", "match")), new FacetsCollectorManager());

                // Every match, and so every drawn one, is in the second segment.
                FacetResult sections = new SortedSetDocValuesFacetCounts(
                                new DefaultSortedSetDocValuesReaderState(reader, config),
                                FacetSample.of(matches, 200, 40))
                        .getTopChildren(10, "section");

                assertThat(sections.labelValues)
                        .extracting(value -> value.label)
                        .containsOnly("World", "Sport");
                assertThat(sections.value.intValue()).isEqualTo(40);
            }
        }
    }

    @Test
    void keepsEveryMatchWhenThereAreNoMoreThanTheSample() throws IOException {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < 50; i++) {
                writer.addDocument(story(i % 2 == 0));
            }
            try (var reader = DirectoryReader.open(writer)) {
                FacetsCollector matches = new IndexSearcher(reader)
                        .search(new TermQuery(new Term("kind", "match")), new FacetsCollectorManager());

                assertThat(docs(FacetSample.of(matches, 25, 25))).isEqualTo(docs(matches));
            }
        }
    }

    @Test
    void drawsFromMatchesKeptAsAListOfDocuments() throws IOException {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < 1_000; i++) {
                writer.addDocument(story(false));
            }
            try (var reader = DirectoryReader.open(writer)) {
                // A sparse set of matches may be kept as a list rather than a bit set.
                int[] listed = {3, 90, 91, 400, 555, 556, 557, 800, 901, 999};
                FacetsCollector matches = new FacetsCollector() {
                    @Override
                    public List<FacetsCollector.MatchingDocs> getMatchingDocs() {
                        return List.of(new FacetsCollector.MatchingDocs(
                                reader.leaves().getFirst(), listOf(listed), listed.length, null));
                    }
                };

                List<Integer> sample = docs(FacetSample.of(matches, listed.length, 5));

                assertThat(sample).hasSize(5);
                for (int run = 0; run < 5; run++) {
                    assertThat(sample.get(run)).isIn(listed[2 * run], listed[2 * run + 1]);
                }
            }
        }
    }

    private static DocIdSet listOf(int[] docs) {
        return new DocIdSet() {
            @Override
            public DocIdSetIterator iterator() {
                return new DocIdSetIterator() {
                    private int at = -1;

                    @Override
                    public int docID() {
                        return at < 0 ? -1 : at >= docs.length ? NO_MORE_DOCS : docs[at];
                    }

                    @Override
                    public int nextDoc() {
                        at++;
                        return docID();
                    }

                    @Override
                    public int advance(int target) throws IOException {
                        return slowAdvance(target);
                    }

                    @Override
                    public long cost() {
                        return docs.length;
                    }
                };
            }

            @Override
            public long ramBytesUsed() {
                return docs.length * 4L;
            }
        };
    }

    private static Document labelled(boolean matches, String section) {
        Document document = story(matches);
        document.add(new SortedSetDocValuesFacetField("section", section));
        return document;
    }

    private static Document story(boolean matches) {
        Document document = new Document();
        document.add(new StringField("kind", matches ? "match" : "other", Field.Store.NO));
        return document;
    }

    /** The documents a collector holds, as numbers across the whole index. */
    private static List<Integer> docs(FacetsCollector collector) throws IOException {
        List<Integer> docs = new ArrayList<>();
        for (FacetsCollector.MatchingDocs leaf : collector.getMatchingDocs()) {
            LeafReaderContext context = leaf.context();
            DocIdSetIterator iterator = leaf.bits().iterator();
            for (int doc = iterator.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = iterator.nextDoc()) {
                docs.add(context.docBase + doc);
            }
        }
        return docs;
    }
}
