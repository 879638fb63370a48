package news.broadsheet.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.SearchableArticle;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** How a story becomes a document, read back from a real Lucene index. */
class IndexFieldsTests {

    @Test
    void theUnstemmedCopyKeepsEveryWordAsWrittenLowerCasedWithoutAccents() throws IOException {
        SearchableArticle story = new SearchableArticle(
                1,
                "Ferries at the quay",
                "A late start",
                "Crews of the Café Marée sailed in at 6 am; it was an hour late.",
                1,
                List.of(1L),
                ArticleStatus.PUBLISHED,
                Instant.parse("2026-01-05T10:00:00Z"),
                null,
                null);
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig(IndexFields.analyzer()))) {
            writer.addDocument(
                    IndexFields.document(story, ZoneOffset.UTC, IndexFields.facetsConfig(), IndexFields.analyzer()));
            writer.commit();
            try (var reader = DirectoryReader.open(directory)) {
                List<String> plain = new ArrayList<>();
                TermsEnum terms = MultiTerms.getTerms(reader, IndexFields.PLAIN).iterator();
                for (BytesRef term = terms.next(); term != null; term = terms.next()) {
                    plain.add(term.utf8ToString());
                }
                // For near spellings and "did you mean": unstemmed, stop words and numbers kept.
                assertThat(plain)
                        .containsExactlyInAnyOrder(
                                "ferries", "at", "the", "quay", "a", "late", "start", "crews", "of", "cafe", "maree",
                                "sailed", "in", "6", "am", "it", "was", "an", "hour");
            }
        }
    }
}
