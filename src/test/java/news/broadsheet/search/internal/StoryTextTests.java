package news.broadsheet.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.SearchableArticle;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The body text kept in the index for snippets and related stories, read back from a real Lucene index. */
class StoryTextTests {

    @Test
    void readsBackEachStorysOwnTextAcrossSegments() throws IOException {
        String first = "The ferry to Årøsund ran late; «la traversée» took 40 minutes. ".repeat(50);
        String second = "Dockers voted to end the strike at dawn, and the cranes moved again.";
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig(IndexFields.analyzer()))) {
            writer.addDocument(document(1, first));
            writer.commit();
            writer.addDocument(document(2, second));
            writer.commit();
            try (var reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).as("two segments").hasSize(2);
                assertThat(StoryText.read(reader.storedFields(), 0, Integer.MAX_VALUE))
                        .isEqualTo(first);
                assertThat(StoryText.read(reader.storedFields(), 1, Integer.MAX_VALUE))
                        .isEqualTo(second);
            }
        }
    }

    @Test
    void keepsRepetitiveTextInFewerBytesThanItHas() {
        String text = "The council met again and the council voted again. ".repeat(100);

        int kept = StoryText.stored(text).binaryValue().length;

        assertThat(kept).isLessThan(text.length() / 4);
    }

    @Test
    void readsNoMoreThanTheCharactersAsked() throws IOException {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig(IndexFields.analyzer()))) {
            writer.addDocument(document(1, "Harbour cranes stood still all week."));
            writer.commit();
            try (var reader = DirectoryReader.open(directory)) {
                assertThat(StoryText.read(reader.storedFields(), 0, 14)).isEqualTo("Harbour cranes");
            }
        }
    }

    @Test
    void aDocumentIndexedWithoutTextHasNone() throws IOException {
        try (var directory = new ByteBuffersDirectory();
                var writer = new IndexWriter(directory, new IndexWriterConfig(IndexFields.analyzer()))) {
            writer.addDocument(document(1, "Some text."));
            Document without = new Document();
            without.add(new StringField(IndexFields.ID, "2", Field.Store.YES));
            writer.addDocument(without);
            writer.commit();
            try (var reader = DirectoryReader.open(directory)) {
                assertThat(StoryText.read(reader.storedFields(), 0, Integer.MAX_VALUE))
                        .isEqualTo("Some text.");
                assertThat(StoryText.read(reader.storedFields(), 1, Integer.MAX_VALUE))
                        .isNull();
            }
        }
    }

    private static Document document(long id, String body) throws IOException {
        SearchableArticle article = new SearchableArticle(
                id,
                "Headline " + id,
                "",
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
