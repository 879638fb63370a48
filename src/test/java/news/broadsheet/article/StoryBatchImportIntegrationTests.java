package news.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.shared.Actor;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stories imported a batch at a time ({@link EditorialDesk#importStories}) are checked, stored and
 * recorded exactly as one at a time would be, and a refused story leaves the rest of its batch
 * alone.
 */
@IntegrationTest
class StoryBatchImportIntegrationTests {

    private static final Actor ACTOR = new Actor(null, "batch import test");
    private static final Instant AT = Instant.parse("2026-05-04T06:30:00.250Z");

    @Autowired
    EditorialDesk desk;

    @Autowired
    Newsroom newsroom;

    @Autowired
    TestDatabaseQueries db;

    private EditArticle content(String headline, String slug, Section section, List<Long> authors, String... tags) {
        return new EditArticle(
                headline,
                "A standfirst for " + headline,
                "Body of " + headline + ".",
                slug,
                section.id(),
                List.of(),
                List.of(tags),
                authors,
                null,
                null,
                true);
    }

    @Test
    void storesTheGoodStoriesOfABatchAndSaysWhyTheOthersWereRefused() {
        String key = Newsroom.unique("batch");
        Section section = newsroom.section("Batch " + key);
        Author first = newsroom.author("First " + key);
        Author second = newsroom.author("Second " + key);
        String shared = "tide-" + key;

        List<ImportOutcome> outcomes = desk.importStories(
                ACTOR,
                List.of(
                        new ImportStory(
                                content(
                                        "Tide tables",
                                        shared,
                                        section,
                                        List.of(second.id(), first.id()),
                                        "Tides " + key),
                                ArticleStatus.PUBLISHED,
                                AT,
                                AT,
                                AT,
                                null,
                                null,
                                null,
                                List.of(new ImportStory.Correction("correction", "The high tide was at six.", AT))),
                        new ImportStory(
                                content("", "", section, List.of(first.id())), ArticleStatus.DRAFT, null, AT, AT, null),
                        new ImportStory(
                                content("More tide tables", shared, section, List.of(first.id()), "Tides " + key),
                                ArticleStatus.SCHEDULED,
                                null,
                                AT,
                                AT,
                                null)));

        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0).id()).isNotNull();
        assertThat(outcomes.get(1).id()).isNull();
        assertThat(outcomes.get(1).errors()).containsEntry("headline", "Please write a headline.");
        // A scheduled story needs its time; the first story's address is not given away meanwhile.
        assertThat(outcomes.get(2).id()).isNull();
        assertThat(outcomes.get(2).errors()).containsKey("publishAt");

        long id = outcomes.get(0).id();
        assertThat(db.jdbc()
                        .sql("SELECT slug, status, published_at FROM article WHERE id = ?")
                        .param(id)
                        .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3))
                        .single())
                .isEqualTo(shared + " published " + AT.toEpochMilli());
        assertThat(db.jdbc()
                        .sql("SELECT author_id FROM article_author WHERE article_id = ? ORDER BY position")
                        .param(id)
                        .query(Long.class)
                        .list())
                .containsExactly(second.id(), first.id());
        assertThat(db.jdbc()
                        .sql("SELECT COUNT(*) FROM article_tag x JOIN tag t ON t.id = x.tag_id"
                                + " WHERE x.article_id = ? AND t.slug = ?")
                        .params(id, "tides-" + key)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(db.jdbc()
                        .sql("SELECT body FROM article_correction WHERE article_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("The high tide was at six.");
        assertThat(db.jdbc()
                        .sql("SELECT note FROM article_revision WHERE article_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("Imported");
    }

    @Test
    void aSlugTakenInTheSameBatchOrBeforeGetsTheNextFreeNumber() {
        String key = Newsroom.unique("slugs");
        Section section = newsroom.section("Slugs " + key);
        Author author = newsroom.author("Writer " + key);
        String slug = "harbour-" + key;
        newsroom.article(section, author).slug(slug).create();

        List<ImportOutcome> outcomes = desk.importStories(
                ACTOR,
                List.of(
                        new ImportStory(
                                content("Harbour one", slug, section, List.of(author.id())),
                                ArticleStatus.DRAFT,
                                null,
                                AT,
                                AT,
                                null),
                        new ImportStory(
                                content("Harbour two", slug, section, List.of(author.id())),
                                ArticleStatus.DRAFT,
                                null,
                                AT,
                                AT,
                                null)));

        assertThat(outcomes)
                .extracting(outcome -> db.jdbc()
                        .sql("SELECT slug FROM article WHERE id = ?")
                        .param(outcome.id())
                        .query(String.class)
                        .single())
                .containsExactly(slug + "-2", slug + "-3");
    }
}
