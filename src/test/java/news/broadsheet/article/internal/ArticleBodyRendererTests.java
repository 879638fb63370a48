package news.broadsheet.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import news.broadsheet.support.HtmlSafety;
import news.broadsheet.support.SharedTestData;
import org.junit.jupiter.api.Test;

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
