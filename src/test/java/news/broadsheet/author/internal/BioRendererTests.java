package news.broadsheet.author.internal;

import static org.assertj.core.api.Assertions.assertThat;

import news.broadsheet.support.HtmlSafety;
import org.junit.jupiter.api.Test;

class BioRendererTests {

    private final BioRenderer renderer = new BioRenderer();

    @Test
    void showsHtmlAsTextAndReadsTheMarkdownAfterAnUnclosedStyle() {
        String html = renderer.toHtml(
                "Writes on *defence*.\n\n<style>\n\nBefore that, at the [Courier](https://example.org).");

        assertThat(html)
                .contains("<em>defence</em>", "&lt;style&gt;")
                .contains("<a href=\"https://example.org\" rel=\"noopener nofollow\">Courier</a>");
        assertThat(HtmlSafety.problems(html)).isEmpty();
    }
}
