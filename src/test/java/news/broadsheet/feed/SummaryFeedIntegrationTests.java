package news.broadsheet.feed;

import static news.broadsheet.feed.FeedFormats.ATOM_NS;
import static news.broadsheet.feed.FeedFormats.CONTENT_NS;
import static news.broadsheet.feed.FeedFormats.children;
import static news.broadsheet.feed.FeedFormats.items;
import static news.broadsheet.feed.FeedFormats.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.author.Author;
import news.broadsheet.section.Section;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * With {@code broadsheet.feeds.content=summary}, items carry the standfirst and never the body; with
 * {@code broadsheet.site.language=fi}, every format states Finnish.
 */
@IntegrationTest(
        properties = {"broadsheet.feeds.content=summary", "broadsheet.feeds.items=2", "broadsheet.site.language=fi"})
class SummaryFeedIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @Test
    void itemsCarryOnlyTheStandfirstAndFeedsListTheConfiguredNumberOfStories() {
        Section section = newsroom.section("Culture");
        Author author = newsroom.author("Ines Duarte");
        newsroom.article(section, author).headline("Oldest").publish();
        newsroom.article(section, author).headline("Middle").publish();
        ArticleSummary newest = newsroom.article(section, author)
                .headline("Newest")
                .standfirst("Only this sums it up.")
                .body("The secret body text.")
                .publish();
        String scope = "/feeds/section/" + section.path();

        Http.Response rss = http.get(scope + ".rss");
        Http.Response atom = http.get(scope + ".atom");
        Http.Response json = http.get(scope + ".json");

        for (Http.Response response : List.of(rss, atom, json)) {
            assertThat(response.body()).doesNotContain("secret body");
        }
        Document rssXml = FeedFormats.assertRss(rss.body());
        assertThat(items(rssXml)).hasSize(2);
        Element rssItem = items(rssXml).getFirst();
        assertThat(text(rssItem, null, "title")).isEqualTo("Newest");
        assertThat(text(rssItem, null, "description")).isEqualTo("Only this sums it up.");
        assertThat(children(rssItem, CONTENT_NS, "encoded")).isEmpty();

        Document atomXml = FeedFormats.assertAtomStructure(atom.body());
        Element entry = items(atomXml).getFirst();
        assertThat(children(entry, ATOM_NS, "content")).isEmpty();
        assertThat(text(entry, ATOM_NS, "summary")).isEqualTo("Only this sums it up.");
        FeedFormats.assertValidAtom(atom.body());

        JsonNode jsonFeed = FeedFormats.assertJsonFeed(json.body());
        assertThat(jsonFeed.path("items")).hasSize(2);
        JsonNode item = jsonFeed.path("items").get(0);
        assertThat(item.has("content_html")).isFalse();
        assertThat(item.path("content_text").asString()).isEqualTo("Only this sums it up.");
        assertThat(item.path("url").asString()).endsWith(newest.url());
    }

    @Test
    void everyFormatStatesTheSiteLanguage() {
        Section section = newsroom.section("Kotimaa");
        newsroom.article(section, newsroom.author("Aino Virtanen")).publish();
        String scope = "/feeds/section/" + section.path();

        Document rss = FeedFormats.assertRss(http.get(scope + ".rss").body());
        Element channel = (Element)
                rss.getDocumentElement().getElementsByTagName("channel").item(0);
        assertThat(text(channel, null, "language")).isEqualTo("fi");
        Document atom =
                FeedFormats.assertAtomStructure(http.get(scope + ".atom").body());
        assertThat(atom.getDocumentElement().getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"))
                .isEqualTo("fi");
        JsonNode json = FeedFormats.assertJsonFeed(http.get(scope + ".json").body());
        assertThat(json.path("language").asString()).isEqualTo("fi");
    }
}
