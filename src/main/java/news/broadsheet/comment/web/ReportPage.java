package news.broadsheet.comment.web;

/** The report form: which comment, on which story. */
public record ReportPage(long commentId, String headline, String articleUrl) {}
