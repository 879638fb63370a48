package news.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnclosedMarkupTests {

    @Test
    void leavesMarkupThatClosesAsItIs() {
        String html = "<p title=\"a > b\">x</p><STYLE>p{}</Style ><!-- c --><![CDATA[d]]><?pi ?><!DOCTYPE html>"
                + "<script type='x'>if (a < b) {}</script>";

        assertThat(UnclosedMarkup.showAsText(html)).isEqualTo(html);
    }

    @Test
    void escapesOnlyTheOpeningOfMarkupThatNeverCloses() {
        assertThat(UnclosedMarkup.showAsText("<p>a</p><style>b<p>c</p>")).isEqualTo("<p>a</p>&lt;style>b<p>c</p>");
        assertThat(UnclosedMarkup.showAsText("<title>a</titles><p>b</p>")).isEqualTo("&lt;title>a</titles><p>b</p>");
        assertThat(UnclosedMarkup.showAsText("<!-- a --><!-- b <p>c</p>")).isEqualTo("<!-- a -->&lt;!-- b <p>c</p>");
        assertThat(UnclosedMarkup.showAsText("<plaintext>a</plaintext>")).isEqualTo("&lt;plaintext>a</plaintext>");
        assertThat(UnclosedMarkup.showAsText("<div title=\"a><p>b</p>")).isEqualTo("&lt;div title=\"a><p>b</p>");
        assertThat(UnclosedMarkup.showAsText("<![CDATA[ a ]> <p>b</p>")).isEqualTo("&lt;![CDATA[ a ]> <p>b</p>");
    }

    @Test
    void leavesALoneLessThanSignAsText() {
        assertThat(UnclosedMarkup.showAsText("a < b and 1 <2")).isEqualTo("a < b and 1 <2");
    }
}
