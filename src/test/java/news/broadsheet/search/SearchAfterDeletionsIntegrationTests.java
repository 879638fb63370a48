package news.broadsheet.search;

import static news.broadsheet.search.SearchTestSupport.eventually;
import static news.broadsheet.search.SearchTestSupport.searchUrl;
import static news.broadsheet.search.SearchTestSupport.word;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import news.broadsheet.section.Section;
import news.broadsheet.shared.Actor;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A small site whose stories share words, some of them deleted: the index still counts the deleted
 * stories for each word until it merges them away, so a word can be in "more" stories than the
 * site has. Searching must still work. (Its own application and database: the count of stories
 * must be known.)
 */
@IntegrationTest(properties = "broadsheet.search.page-size=12")
class SearchAfterDeletionsIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Test
    void aWordInMoreIndexedStoriesThanThereAreStillLetsFeedbackRank() {
        Section section = newsroom.section("World");
        String w = word();
        StringBuilder headline = new StringBuilder(w);
        for (int i = 0; i < 9; i++) {
            headline.append(' ').append(word());
        }
        // Every story has the builder's standfirst and body, so those words are in all of them.
        // Two of twenty deleted stay counted in their segments (too few to be merged away at once):
        // those words are then in more stories than the site has, and weighed less than nothing.
        List<String> others = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (i == 10) {
                newsroom.article(section, newsroom.author("Ida Berg"))
                        .headline(headline.toString())
                        .create();
            }
            String other = word();
            others.add(other);
            ids.add(newsroom.article(section, newsroom.author("Ida Berg"))
                    .headline("Story " + other)
                    .create());
        }
        assertThat(eventually(() -> hits(others.getLast()) == 1 && hits(w) == 1))
                .isTrue();
        newsroom.articles().delete(ids.get(3), Actor.SYSTEM, "test");
        newsroom.articles().delete(ids.get(15), Actor.SYSTEM, "test");
        assertThat(eventually(() -> hits(others.get(3)) == 0 && hits(others.get(15)) == 0))
                .isTrue();

        Http.Response found = http.get(searchUrl(w));

        assertThat(found.status()).isEqualTo(200);
        assertThat(SearchTestSupport.headlines(found.page())).containsExactly(headline.toString());
    }

    private int hits(String query) {
        Http.Response response = http.get(searchUrl(query));
        return response.status() == 200
                ? SearchTestSupport.headlines(response.page()).size()
                : -1;
    }
}
