package news.broadsheet.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class WordPressBodyTests {

    private static Document html(WordPressBody.Result result) {
        return Jsoup.parseBodyFragment(result.html());
    }

    @Test
    void blankLinesMakeParagraphsAndSingleNewlinesLineBreaks() {
        var result =
                WordPressBody.convert("First line\nsame paragraph.\n\nSecond paragraph.", WordPressBody.Galleries.NONE);

        Document doc = html(result);
        assertThat(doc.select("p")).hasSize(2);
        assertThat(doc.select("p").first().select("br")).hasSize(1);
        assertThat(doc.select("p").get(1).text()).isEqualTo("Second paragraph.");
        // Blocks are separated by one blank line and hold none inside, so Markdown passes them through.
        assertThat(result.html()).doesNotContain("\n\n\n").contains("</p>\n\n<p>");
    }

    @Test
    void captionShortcodeBecomesAFigureWithItsCaption() {
        var result = WordPressBody.convert(
                "[caption id=\"attachment_7\" width=\"300\"]<a href=\"https://x.example/a.jpg\"><img src=\"https://x.example/a.jpg\" alt=\"A boat\"></a> Boats at rest[/caption]",
                WordPressBody.Galleries.NONE);

        Document doc = html(result);
        assertThat(doc.select("figure img[alt=A boat]")).hasSize(1);
        assertThat(doc.select("figure figcaption").text()).isEqualTo("Boats at rest");
    }

    @Test
    void galleryShortcodeShowsTheImagesItNames() {
        WordPressBody.Galleries galleries = new WordPressBody.Galleries() {
            @Override
            public List<WordPressBody.Image> byIds(List<String> ids) {
                return ids.stream()
                        .map(id -> new WordPressBody.Image("/media/" + id + ".jpg", "Image " + id))
                        .toList();
            }

            @Override
            public List<WordPressBody.Image> attachedToPost() {
                return List.of(new WordPressBody.Image("/media/own.jpg", "Own"));
            }
        };

        assertThat(html(WordPressBody.convert("[gallery ids=\"4,5\"]", galleries))
                        .select("figure.gallery img")
                        .eachAttr("src"))
                .containsExactly("/media/4.jpg", "/media/5.jpg");
        assertThat(html(WordPressBody.convert("[gallery]", galleries))
                        .select("figure.gallery img")
                        .eachAttr("alt"))
                .containsExactly("Own");
        var none = WordPressBody.convert("[gallery ids=\"9\"]", WordPressBody.Galleries.NONE);
        assertThat(none.html()).isEmpty();
        assertThat(none.notes()).containsExactly("a gallery had no imported images and was left out");
    }

    @Test
    void embedsBecomeLinksInShortcodesBlocksAndBareUrls() {
        var shortcode = WordPressBody.convert("[embed]https://video.example/1[/embed]", WordPressBody.Galleries.NONE);
        assertThat(html(shortcode).select("figure a[href=https://video.example/1]"))
                .hasSize(1);

        var bare = WordPressBody.convert("Watch:\n\nhttps://video.example/2\n\nDone.", WordPressBody.Galleries.NONE);
        assertThat(html(bare).select("a[href=https://video.example/2]")).hasSize(1);

        var block = WordPressBody.convert(
                "<!-- wp:embed {\"url\":\"https:\\/\\/video.example\\/3\"} -->\n<figure class=\"wp-block-embed\"><div"
                        + " class=\"wp-block-embed__wrapper\">\nhttps://video.example/3\n</div><figcaption>Third</figcaption></figure>\n<!-- /wp:embed -->",
                WordPressBody.Galleries.NONE);
        assertThat(html(block).select("figure a[href=https://video.example/3]")).hasSize(1);
        assertThat(html(block).select("figcaption").text()).isEqualTo("Third");
        assertThat(block.html()).doesNotContain("wp:");
    }

    @Test
    void blockCommentsGoAndBlocksKeepTheirMarkup() {
        var result = WordPressBody.convert(
                "<!-- wp:heading -->\n<h2>Tides</h2>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>High at six.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:archives /-->",
                WordPressBody.Galleries.NONE);

        Document doc = html(result);
        assertThat(doc.select("h2").text()).isEqualTo("Tides");
        assertThat(doc.select("p").text()).isEqualTo("High at six.");
        assertThat(result.html()).doesNotContain("<!--");
        assertThat(result.notes()).singleElement().asString().contains("wp:archives");
    }

    @Test
    void unknownShortcodesStayAsTextAndAreNamedButEscapedOnesAreNot() {
        var result = WordPressBody.convert(
                "Before [contact-form to=\"x@example.org\"] and [[caption]] and [note]kept[/note].",
                WordPressBody.Galleries.NONE);

        assertThat(html(result).text())
                .contains("[contact-form to=\"x@example.org\"]")
                .contains("[caption]")
                .contains("[note]kept[/note]");
        assertThat(result.unknownShortcodes()).containsExactly("contact-form", "note");
    }

    @Test
    void iframesBecomeLinksAndScriptsDisappear() {
        var result = WordPressBody.convert(
                "<iframe src=\"https://maps.example/embed\"></iframe>\n\n<script>alert(1)</script><p>Text</p>",
                WordPressBody.Galleries.NONE);

        assertThat(html(result).select("a[href=https://maps.example/embed]")).hasSize(1);
        assertThat(result.html()).doesNotContain("script").doesNotContain("iframe");
    }

    @Test
    void preformattedTextKeepsItsBlankLines() {
        var result = WordPressBody.convert("<pre>line one\n\nline three</pre>\n\nAfter.", WordPressBody.Galleries.NONE);

        assertThat(html(result).select("pre").first().wholeText()).isEqualTo("line one\n\nline three");
        assertThat(html(result).select("p").text()).isEqualTo("After.");
    }

    @Test
    void plainTextKeepsParagraphsAndDropsTags() {
        assertThat(WordPressBody.plainText("<p>One <b>bold</b> line.<br>Next</p><p>Two</p>"))
                .isEqualTo("One bold line.\nNext\n\nTwo");
    }
}
