package news.broadsheet.comment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import news.broadsheet.support.HtmlSafety;
import news.broadsheet.support.SharedTestData;
import org.junit.jupiter.api.Test;

class CommentTextTests {

    @Test
    void keepsParagraphsAndLineBreaks() {
        assertThat(CommentText.toHtml("One\ntwo\n\n\nThree")).isEqualTo("<p>One<br>two</p><p>Three</p>");
        assertThat(CommentText.toHtml("  padded  \r\n")).isEqualTo("<p>padded</p>");
    }

    @Test
    void escapesEverythingElse() {
        assertThat(CommentText.toHtml("<b>bold</b> & \"quoted\" 'single'"))
                .isEqualTo("<p>&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; &#39;single&#39;</p>");
    }

    @Test
    void linksWebAddressesWithoutTrailingPunctuation() {
        assertThat(CommentText.toHtml("See https://example.org/a?b=1&c=2, then (http://example.com/x)."))
                .isEqualTo("<p>See <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow ugc noopener\">"
                        + "https://example.org/a?b=1&amp;c=2</a>, then (<a href=\"http://example.com/x\""
                        + " rel=\"nofollow ugc noopener\">http://example.com/x</a>).</p>");
    }

    @Test
    void marksRuleHitsOnTheEscapedTextOnly() {
        RuleHits hits =
                RuleHits.from(List.of("policy: every comment is held", "suspect word: amp", "links: 1 (more than 0)"));

        assertThat(CommentText.toHtml("AMP & ampersand <amp> https://x.example/amp", hits))
                .isEqualTo(
                        "<p><mark>AMP</mark> &amp; ampersand &lt;<mark>amp</mark>&gt; <mark><a href=\"https://x.example/amp\""
                                + " rel=\"nofollow ugc noopener\">https://x.example/amp</a></mark></p>");
    }

    @Test
    void neverLinksOtherSchemes() {
        String html = CommentText.toHtml("javascript:alert(1) data:text/html,<script>x</script>");

        assertThat(html).doesNotContain("<a ");
        assertThat(HtmlSafety.problems(html)).isEmpty();
    }

    @Test
    void rendersKnownXssPayloadsHarmlessly() throws IOException {
        List<String> payloads = Files.readAllLines(
                SharedTestData.require("xss/payloadbox-xss-payload-list.txt"), StandardCharsets.UTF_8);

        assertThat(payloads).hasSizeGreaterThan(1000);
        for (String payload : payloads) {
            assertThat(HtmlSafety.problems(CommentText.toHtml(payload)))
                    .as(payload)
                    .isEmpty();
        }
    }
}
