package news.broadsheet.api.web;

/**
 * A correction or update note on a story.
 *
 * @param kind {@code correction} or {@code update}
 */
public record CorrectionItem(String kind, String text, String publishedAt) {}
