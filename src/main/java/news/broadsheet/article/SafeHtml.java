package news.broadsheet.article;

import news.broadsheet.article.internal.ArticleBodyRenderer;
import org.springframework.stereotype.Component;

/**
 * The story body's rendering for other features' text (static pages): Markdown rendered, or HTML
 * taken as it is, and either way sanitised against the same allow-list as story bodies.
 */
@Component
public class SafeHtml {

    /** The renderer's version ({@link StoredBodies}): raised with every change to what it makes of a body. */
    public static final int RENDERER_VERSION = ArticleBodyRenderer.VERSION;

    private final ArticleBodyRenderer renderer;

    SafeHtml(ArticleBodyRenderer renderer) {
        this.renderer = renderer;
    }

    public String fromMarkdown(String markdown) {
        return renderer.toHtml(markdown);
    }

    public String fromHtml(String html) {
        return renderer.sanitize(html);
    }
}
