package news.broadsheet.site.web;

import org.springframework.http.HttpStatus;

/** The words an error page shows for a status. */
public record ErrorPage(int status, String heading, String explanation) {

    /** The words for a status; Tomcat's last-resort page uses them too. */
    public static ErrorPage of(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND ->
                new ErrorPage(
                        404,
                        "Page not found",
                        "We could not find that page. It may have moved, or the address may be mistyped.");
            case METHOD_NOT_ALLOWED ->
                new ErrorPage(405, "Not allowed here", "That kind of request is not accepted at this address.");
            case FORBIDDEN ->
                new ErrorPage(403, "Not allowed", "Your account does not have access to this page or action.");
            case CONTENT_TOO_LARGE ->
                new ErrorPage(
                        413,
                        "Too large",
                        "What you sent is larger than this site accepts. Images can be at most 10 MB.");
            case TOO_MANY_REQUESTS -> new ErrorPage(429, "Too many requests", "Please wait a moment and try again.");
            case SERVICE_UNAVAILABLE ->
                new ErrorPage(
                        503,
                        "Busy for a moment",
                        "The site could not take that request just now, and nothing you sent was saved."
                                + " Please try again in a few seconds.");
            default ->
                status.is4xxClientError()
                        ? new ErrorPage(
                                status.value(),
                                "Something is wrong with that request",
                                "Please check the address or the form and try again.")
                        : new ErrorPage(
                                status.value(),
                                "Something went wrong on our side",
                                "We have been told about it. Please try again in a little while.");
        };
    }
}
