package news.broadsheet.search;

import static news.broadsheet.search.SearchTestSupport.eventually;
import static news.broadsheet.search.SearchTestSupport.facet;
import static news.broadsheet.search.SearchTestSupport.headlines;
import static news.broadsheet.search.SearchTestSupport.searchUrl;
import static news.broadsheet.search.SearchTestSupport.word;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.cache.SiteContentChanged;
import news.broadsheet.search.internal.NameDirectory;
import news.broadsheet.section.Section;
import news.broadsheet.shared.CacheTags;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StatementLog;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The section and byline names a results page shows (those the search names, the facets' labels)
 * come from memory: a search does not read the lists, a byline added through the application
 * shows at once, and one that bypasses it (as one added on another node does) shows once that
 * node's change reaches this one. A byline the memory does not hold still labels its facet.
 */
@IntegrationTest
@Import(StatementLog.Configuration.class)
class SearchNamesIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Authors authors;

    @Autowired
    StatementLog log;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    NameDirectory names;

    @Test
    void aSearchNamesBylinesFromMemoryAndFollowsChangesMadeHereOrElsewhere() {
        String w = word();
        String surname = Character.toUpperCase(w.charAt(0)) + w.substring(1);
        Section section = newsroom.section("Quay " + surname);
        names.authors(); // held before the byline is added
        Author added = newsroom.author("Ida " + surname);
        newsroom.article(section, added).headline("Harbour lights " + w).create();
        assertThat(eventually(() -> headlines(http, w).size() == 1)).isTrue();

        assertThat(named("ida " + w)).as("a byline added here shows at once").contains("Ida " + surname);
        List<StatementLog.Executed> ran = log.during(
                () -> assertThat(named("quay " + w + " ida " + w)).contains("Quay " + surname, "Ida " + surname));
        assertThat(ran)
                .as("neither list is read by a search")
                .noneMatch(s -> s.sql().contains("FROM author WHERE merged_into IS NULL"))
                .noneMatch(s -> s.sql().startsWith("SELECT") && s.sql().contains("FROM section ORDER BY"));

        // As another node would: straight into the shared database, no event here.
        String slug = Newsroom.unique("noor-" + w);
        jdbc.sql("INSERT INTO author (slug, name, job_title, bio, email, website, profiles)"
                        + " VALUES (?, ?, '', '', '', '', '')")
                .params(slug, "Noor " + surname)
                .update();
        assertThat(named("noor " + w)).doesNotContain("Noor " + surname);

        // That node's change reaches this one through the change log, tagged as the directory.
        events.publishEvent(new SiteContentChanged(Set.of(CacheTags.DIRECTORY)));
        assertThat(named("noor " + w)).contains("Noor " + surname);
    }

    @Test
    void aBylineNotYetHeldStillLabelsItsFacet() {
        String w = word();
        Section section = newsroom.section("Dock " + w);
        names.sections(); // read both lists now, before the byline exists
        String slug = Newsroom.unique("vera-" + w);
        long id = jdbc.sql("INSERT INTO author (slug, name, job_title, bio, email, website, profiles)"
                        + " VALUES (?, ?, '', '', '', '', '') RETURNING id")
                .params(slug, "Vera " + w)
                .query(Long.class)
                .single();
        Author vera = authors.byId(id).orElseThrow();
        newsroom.article(section, vera).headline("Crane count " + w).create();
        assertThat(eventually(() -> headlines(http, w).size() == 1)).isTrue();

        Document page = http.get(searchUrl(w)).page();
        assertThat(facet(page, "Author")).containsExactly("Vera " + w + " (1)");
    }

    @Test
    void aSearchNamesTagsFromMemoryOnlyWhenTheyAreOnALiveStory() {
        String w = word();
        String capitalised = Character.toUpperCase(w.charAt(0)) + w.substring(1);
        Section section = newsroom.section("Wharf " + w);
        Author author = newsroom.author("Ola " + capitalised);
        newsroom.article(section, author)
                .headline("Dredging starts " + w)
                .tags(capitalised + " Dredging", "Silt " + w)
                .create();
        newsroom.article(section, author)
                .headline("Draft on moorings " + w)
                .status(news.broadsheet.article.ArticleStatus.DRAFT)
                .tags("Moorings " + w)
                .create();
        assertThat(eventually(() -> headlines(http, w).size() == 1)).isTrue();
        named("warm " + w); // the tags are held from here on

        List<StatementLog.Executed> ran = log.during(() -> assertThat(named(w + " dredging plans moorings " + w))
                .as("a tag whose whole name is in the search, on a live story; not one only on a draft")
                .containsExactly(capitalised + " Dredging"));
        assertThat(ran)
                .as("no statement reads through the tag table by name")
                .noneMatch(s -> s.sql().contains("FROM tag") && s.sql().contains("LIKE"))
                .noneMatch(s -> s.sql().contains("FROM tag ORDER BY id"));
        assertThat(named("dredging " + w))
                .as("the words in another order name nothing")
                .isEmpty();

        // A tag made after the memory was read (here straight into the database, as another node
        // would) is named at once: its id is higher than any held.
        long made = jdbc.sql("INSERT INTO tag (slug, name) VALUES (?, ?) RETURNING id")
                .params(Newsroom.unique("ferry-" + w), "Ferry " + w)
                .query(Long.class)
                .single();
        newsroom.article(section, author).headline("Ferry runs again " + w).create();
        long story = jdbc.sql("SELECT id FROM article WHERE headline = ?")
                .param("Ferry runs again " + w)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO article_tag (article_id, tag_id) VALUES (?, ?)")
                .params(story, made)
                .update();
        assertThat(named("ferry " + w)).contains("Ferry " + w);
    }

    private List<String> named(String query) {
        Http.Response response = http.get(searchUrl(query));
        assertThat(response.status()).isEqualTo(200);
        return response.page().select("nav.search__named a").eachText();
    }
}
