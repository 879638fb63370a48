package news.broadsheet.author.internal;

import java.util.List;
import news.broadsheet.shared.UnclosedMarkup;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Renders a byline's short Markdown bio with the libraries that render article bodies (commonmark,
 * then the OWASP sanitizer), against a smaller allow-list: paragraphs, emphasis, lists and links.
 */
@Component
public class BioRenderer {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowStandardUrlProtocols()
                    .allowAttributes("href")
                    .onElements("a")
                    .requireRelsOnLinks("noopener", "nofollow")
                    .toFactory());

    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(true).build();

    public String toHtml(String markdown) {
        // Its HTML is escaped, so nothing is lost; the parser keeps the Markdown after an unclosed
        // comment or <style> read as Markdown, as in story bodies.
        return POLICY.sanitize(
                renderer.render(UnclosedMarkup.parser(markdown, List.of()).parse(markdown)));
    }
}
