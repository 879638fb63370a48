package news.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import news.broadsheet.article.internal.ArticleBodyRenderer;
import news.broadsheet.support.HtmlSafety;
import news.broadsheet.support.SharedTestData;
import org.junit.jupiter.api.Test;

class SafeHtmlTests {

    private final SafeHtml safeHtml = new SafeHtml(new ArticleBodyRenderer());

    @Test
    void keepsFormattingOfImportedHtmlAndDropsScriptStylesAndHandlers() {
        String html = safeHtml.fromHtml("""
                <h2>Contact</h2><p style="color:red" onclick="steal()">Write to <a href="mailto:desk@example.org">the desk</a>
                or <a href="javascript:alert(1)">here</a>.</p><script>alert(1)</script><iframe src="https://example.org"></iframe>""");

        assertThat(html).contains("<h2>Contact</h2>").contains("mailto:desk");
        assertThat(html).doesNotContain("style").doesNotContain("onclick").doesNotContain("javascript");
        assertThat(HtmlSafety.problems(html)).isEmpty();
    }

    @Test
    void keepsTheTextAfterMarkupLeftOpenInImportedHtml() {
        String html = safeHtml.fromHtml("<p>One.</p><style>p{}<p>Two.</p><!-- never closed <p>Three.</p>");

        assertThat(html).contains("<p>One.</p>", "&lt;style&gt;", "<p>Two.</p>", "<p>Three.</p>");
        assertThat(HtmlSafety.problems(html)).isEmpty();
    }

    @Test
    void rendersMarkdownLikeStoryBodies() {
        assertThat(safeHtml.fromMarkdown("**Bold** <script>x()</script>"))
                .contains("<strong>Bold</strong>")
                .doesNotContain("script");
    }

    @Test
    void rendersKnownXssPayloadsHarmlessAsHtml() throws IOException {
        List<String> payloads = Files.readAllLines(
                SharedTestData.require("xss/payloadbox-xss-payload-list.txt"), StandardCharsets.UTF_8);
        for (String payload : payloads) {
            assertThat(HtmlSafety.problems(safeHtml.fromHtml(payload)))
                    .as(payload)
                    .isEmpty();
        }
    }
}
