package news.broadsheet.comment.web;

/** The page shown when a comment cannot be accepted as sent: the story it was for, and the form. */
public record CommentFormPage(String headline, String articleUrl, CommentFormView form) {}
