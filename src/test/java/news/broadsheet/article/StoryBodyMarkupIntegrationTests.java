package news.broadsheet.article;

import static news.broadsheet.feed.FeedFormats.ATOM_NS;
import static news.broadsheet.feed.FeedFormats.items;
import static news.broadsheet.feed.FeedFormats.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import news.broadsheet.author.Author;
import news.broadsheet.feed.FeedFormats;
import news.broadsheet.section.Section;
import news.broadsheet.shared.Typography;
import news.broadsheet.support.HtmlSafety;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Markup a reporter leaves open in a story body (issue 14): an HTML parser would read everything
 * after it as part of that markup, so the paragraphs that follow must still reach readers everywhere.
 */
@IntegrationTest
class StoryBodyMarkupIntegrationTests {

    @Autowired
    Newsroom newsroom;

    @Autowired
    Http http;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<style>",
                "<script>",
                "<!-- unclosed",
                "<![CDATA[ unclosed",
                "<textarea>",
                "<title>",
                "<xmp>",
                "<iframe>",
                "<noembed>",
                "<noframes>",
                "<noscript>",
                "<plaintext>",
                "<?php echo 1",
                "<!DOCTYPE html",
                "Inline <style> in a sentence"
            })
    void keepsTheParagraphsAfterUnclosedMarkupOnThePageInFeedsAndInSearch(String unclosed) {
        Section section = newsroom.section("Markup");
        Author reporter = newsroom.author("Ines Vale");
        String word = madeUpWord();
        ArticleSummary story = newsroom.article(section, reporter)
                .body("The opening paragraph.\n\n" + unclosed + "\n\nThe paragraph after, about " + word
                        + ".\n\nThe *closing* paragraph.")
                .publish();

        Document page = http.get(story.url()).page();
        String body = page.selectFirst(".story__body").html();
        assertThat(Jsoup.parseBodyFragment(body).text())
                .as("the public page shows what the reporter typed")
                .contains("The opening paragraph.", asTyped(unclosed), "The paragraph after, about " + word)
                .contains("The closing paragraph.");
        assertThat(HtmlSafety.problems(body)).isEmpty();

        org.w3c.dom.Document atom = FeedFormats.strictXml(
                http.get("/feeds/section/" + section.path() + ".atom").body());
        String content = text(items(atom).getFirst(), ATOM_NS, "content");
        assertThat(Jsoup.parseBodyFragment(content).text())
                .contains("The paragraph after, about " + word, "The closing paragraph.");
        assertThat(HtmlSafety.problems(content)).isEmpty();

        assertThat(searchFinds(word)).as("search finds the later paragraph").containsExactly(story.headline());
    }

    /** What a reader sees of markup shown as text: as typed, with the site's dashes ("<!--" as "<!–"). */
    private static String asTyped(String typed) {
        return Typography.smarten(typed, ' ');
    }

    private List<String> searchFinds(String word) {
        String url = "/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);
        // The indexer runs in the background: give it a few seconds.
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> found = List.of();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            found = http.get(url).page().select(".search-hit__headline a").eachText();
            if (found.isEmpty()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return found;
    }

    /** A word no other story has: consonants ending in "k", which the English stemmer leaves alone. */
    private static String madeUpWord() {
        String letters = "bcdfghjklmnpqrtvwxz";
        StringBuilder word = new StringBuilder("zy");
        for (int i = 0; i < 8; i++) {
            word.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return word.append('k').toString();
    }
}
