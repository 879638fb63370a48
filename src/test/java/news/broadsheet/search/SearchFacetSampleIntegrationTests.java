package news.broadsheet.search;

import static news.broadsheet.search.SearchTestSupport.eventually;
import static news.broadsheet.search.SearchTestSupport.searchUrl;
import static news.broadsheet.search.SearchTestSupport.word;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Facets of a search with many matches are counted on a sample and say so; the number of matches
 * stays exact. The sample is 40 stories here (5,000 by default), so a few dozen show it.
 */
@IntegrationTest(
        properties = {
            "broadsheet.search.page-size=10",
            "broadsheet.search.facet-sample=40",
            "broadsheet.search.snapshot-dir=${broadsheet.data-dir}/shared/search-snapshots"
        })
class SearchFacetSampleIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Autowired
    SiteSearch search;

    @Test
    void manyMatchesGetEstimatedFacetCountsAndAnExactTotal() {
        String many = word();
        String few = word();
        Section world = newsroom.section("World");
        Section sport = newsroom.section("Sport");
        Author kim = newsroom.author("Kim Laine");
        for (int i = 0; i < 120; i++) {
            // Sport's stories come first, in one run: the sample takes one story from each short run
            // of matches, so a pattern repeating every few stories could alias with it.
            newsroom.article(i < 40 ? sport : world, kim)
                    .headline("Story " + i + " about " + many + (i < 5 ? " and " + few : ""))
                    .publish();
        }
        assertThat(eventually(() -> search.search(SearchRequest.of(many)).total() == 120))
                .isTrue();

        SearchResults results = search.search(SearchRequest.of(many));
        Facet sections = results.facets().getFirst();
        assertThat(sections.estimated()).isTrue();
        long worldCount = count(sections, world.name());
        long sportCount = count(sections, sport.name());
        assertThat(worldCount + sportCount).as("scaled up to about all matches").isBetween(90L, 150L);
        assertThat(worldCount).as("about twice as many in World").isGreaterThan(sportCount);

        Document page = http.get(searchUrl(many)).page();
        assertThat(page.select(".search__summary").text()).contains("120 stories match");
        assertThat(page.select(".facet__count").eachText()).allMatch(text -> text.startsWith("(about "));

        String some = word();
        for (int i = 0; i < 60; i++) {
            newsroom.article(world, kim).headline("Item " + i + " on " + some).publish();
        }
        assertThat(eventually(() -> search.search(SearchRequest.of(some)).total() == 60))
                .isTrue();
        Facet between = search.search(SearchRequest.of(some)).facets().getFirst();
        assertThat(count(between, world.name()))
                .as("between one and two times the sample, counts are scaled by what was sampled")
                .isBetween(45L, 75L);

        SearchResults exact = search.search(SearchRequest.of(few));
        assertThat(exact.total()).isEqualTo(5);
        assertThat(exact.facets().getFirst().estimated()).isFalse();
        assertThat(count(exact.facets().getFirst(), world.name())
                        + count(exact.facets().getFirst(), sport.name()))
                .isEqualTo(5);
        assertThat(http.get(searchUrl(few)).page().select(".facet__count").eachText())
                .noneMatch(text -> text.contains("about"));
    }

    private static long count(Facet facet, String label) {
        List<FacetValue> values =
                facet.values().stream().filter(v -> v.label().equals(label)).toList();
        return values.isEmpty() ? 0 : values.getFirst().count();
    }
}
