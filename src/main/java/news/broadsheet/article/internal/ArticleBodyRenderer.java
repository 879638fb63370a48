package news.broadsheet.article.internal;

import java.util.List;
import news.broadsheet.shared.UnclosedMarkup;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Renders an article's Markdown body to HTML and sanitises it against an allow-list, so that even
 * a compromised newsroom account cannot put script on the public site.
 */
@Component
public class ArticleBodyRenderer {

    /**
     * What this renderer makes of a body, as a number raised with every change to it, so that the
     * HTML stored for bodies saved before a change is made again ({@link BodyRerendering}). 1: before
     * the number was kept; 2: markup left open shows as text instead of hiding what follows.
     */
    public static final int VERSION = 2;

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowStandardUrlProtocols()
                    .allowAttributes("href", "title")
                    .onElements("a")
                    .requireRelsOnLinks("noopener")
                    .allowElements("pre", "code", "hr", "figure", "figcaption", "cite", "abbr", "sup", "sub")
                    .allowAttributes("title")
                    .onElements("abbr")
                    .toFactory());

    private final HtmlRenderer renderer =
            HtmlRenderer.builder().extensions(EXTENSIONS).build();

    /** The body as readers see it: sanitised HTML, with typographic quotes and dashes. */
    public String toHtml(String markdown) {
        org.commonmark.node.Node document =
                UnclosedMarkup.parser(markdown, EXTENSIONS).parse(markdown);
        UnclosedMarkup.showAsText(document);
        news.broadsheet.shared.Typography.smarten(document);
        return sanitize(renderer.render(document));
    }

    /**
     * Keeps only the allowed elements and attributes of HTML written elsewhere (an imported page);
     * markup left open stays as text, where the sanitizer would drop everything after it.
     */
    public String sanitize(String html) {
        return POLICY.sanitize(UnclosedMarkup.showAsText(html));
    }
}
