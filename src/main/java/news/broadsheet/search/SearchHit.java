package news.broadsheet.search;

import news.broadsheet.article.ArticleSummary;

/**
 * One story found.
 *
 * @param snippetHtml a passage of the story, HTML-escaped, with matched words in {@code <mark>}
 */
public record SearchHit(ArticleSummary article, String snippetHtml) {}
