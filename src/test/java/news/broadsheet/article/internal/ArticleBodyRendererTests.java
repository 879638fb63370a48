package news.broadsheet.article.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import news.broadsheet.support.HtmlSafety;
import news.broadsheet.support.SharedTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleBodyRendererTests {

    private final ArticleBodyRenderer renderer = new ArticleBodyRenderer();

    @Test
    void setsTypographicQuotesDashesAndEllipsesInTextButNeverInCodeOrAddresses() {
        String html = renderer.toHtml("""
                "It's over -- for now," the minister said... Then: "*Nobody* expected this."

                The '90s -- and 1990--2000 --- were different. Use `"raw" -- code` and [a "link"](https://example.org/a--b?q="x").

                    "indented code" -- stays
                """);

        assertThat(html)
                .contains("<p>“It’s over – for now,” the minister said… Then: “<em>Nobody</em> expected this.”</p>")
                .contains("The ’90s – and 1990–2000 — were different.")
                .contains("<code>&#34;raw&#34; -- code</code>")
                .contains("href=\"https://example.org/a--b?q&#61;&#34;x&#34;\"")
                .contains(">a “link”</a>")
                .contains("&#34;indented code&#34; -- stays");
    }

    @Test
    void rendersNewsMarkdown() {
        String html = renderer.toHtml("""
                Lead paragraph with **bold** and a [link](https://example.org/report).

                > "A quotation," she said.

                - first
                - second

                | Party | Seats |
                |-------|-------|
                | Blue  | 41    |
                """);

        assertThat(html)
                .contains("<strong>bold</strong>")
                .contains("<a href=\"https://example.org/report\" rel=\"noopener\">link</a>")
                .contains("<blockquote>")
                .contains("<li>first</li>")
                .contains("<td>41</td>");
    }

    @Test
    void stripsScriptFromMarkdownAndRawHtml() {
        String html = renderer.toHtml("""
                <script>alert(1)</script>
                <p onclick="alert(2)" style="color:red">text</p>
                [click](javascript:alert(3)) ![x](javascript:alert(4))
                <iframe src="https://example.org"></iframe>
                """);

        assertThat(HtmlSafety.problems(html)).isEmpty();
        assertThat(html).contains("text");
    }

    @Test
    void keepsClosedHtmlAsBefore() {
        String html = renderer.toHtml("""
                One <abbr title="World Health Organization">WHO</abbr> and x<sup>2</sup>.

                <!-- a note for the desk -->

                <style>p { color: red }</style>

                <figure>
                <figcaption>A caption</figcaption>
                </figure>

                Two <title>closed</title> <!-- inline note --> words.
                """);

        assertThat(html)
                .contains("<abbr title=\"World Health Organization\">WHO</abbr>", "x<sup>2</sup>")
                .contains("<figcaption>A caption</figcaption>")
                .contains("<p>Two   words.</p>")
                .doesNotContain("note", "color", "closed", "&lt;");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<style>",
                "<script>alert(1)",
                "<!-- unclosed",
                "<![CDATA[ unclosed",
                "<?php echo 1",
                "<!DOCTYPE html",
                "<textarea>",
                "<title>",
                "<xmp>",
                "<iframe src=\"https://example.org\">",
                "<noembed>",
                "<noframes>",
                "<noscript>",
                "<plaintext>",
                "Words, then <style> in a sentence",
                "<div title=\"a quote left open"
            })
    void showsMarkupLeftOpenAsTextAndReadsTheMarkdownAfterIt(String open) {
        String html = renderer.toHtml("First.\n\n" + open + "\n\nAfter, with *emphasis*.\n\n## A heading\n\nLast.");

        assertThat(html)
                .contains("<p>First.</p>", "&lt;", "<p>After, with <em>emphasis</em>.</p>", "<h2>A heading</h2>")
                .contains("<p>Last.</p>");
        assertThat(HtmlSafety.problems(html)).isEmpty();
    }

    @Test
    void showsATagAsTextWhenItClosesOnlyInALaterParagraph() {
        // An HTML parser would drop the paragraphs in between along with the element's content.
        String html = renderer.toHtml("""
                Before <title> the middle.

                The middle paragraph.

                After </title> it.

                <iframe src="https://example.org/embed">

                </iframe>
                """);

        assertThat(html)
                .contains("Before &lt;title&gt; the middle.", "The middle paragraph.", "After  it.")
                .contains("&lt;iframe src&#61;&#34;https://example.org/embed&#34;&gt;");
        assertThat(HtmlSafety.problems(html)).isEmpty();
    }

    @Test
    void showsMarkupLeftOpenInAQuoteAsTextAndKeepsWhatFollowsTheQuote() {
        // The terminator comes later, so CommonMark starts a block; the quote's end ends it unclosed.
        String html = renderer.toHtml("""
                > <style>
                > Quoted words.

                After the quote, </style> and on.

                Last.
                """);

        assertThat(html)
                .contains("&lt;style&gt;", "Quoted words.", "After the quote,", "<p>Last.</p>")
                .doesNotContain("<style");
    }

    @Test
    void rendersTheLongestStoryOfUnclosedMarkupInLinearTime() {
        // 200,000 characters is the longest body the editor accepts.
        for (String unit : List.of("<style>\n\n", "<!--\n<a b='\n", "x <title> y ", "<div a=\"<a b=\"\n")) {
            String body = unit.repeat(200_000 / unit.length());
            assertTimeout(Duration.ofSeconds(10), () -> renderer.toHtml(body), unit);
        }
    }

    @Test
    void rendersKnownXssPayloadsHarmlessly() throws IOException {
        List<String> payloads = Files.readAllLines(
                SharedTestData.require("xss/payloadbox-xss-payload-list.txt"), StandardCharsets.UTF_8);

        for (String payload : payloads) {
            assertThat(HtmlSafety.problems(renderer.toHtml(payload)))
                    .as(payload)
                    .isEmpty();
        }
    }
}
