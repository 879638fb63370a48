package news.broadsheet.article;

/** A correction with the story it belongs to, for the public corrections page. */
public record CorrectionNotice(Correction correction, ArticleSummary story) {}
