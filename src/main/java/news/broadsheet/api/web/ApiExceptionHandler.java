package news.broadsheet.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import news.broadsheet.api.internal.ApiProblem;
import news.broadsheet.api.internal.ApiProblems;
import news.broadsheet.api.internal.BodyTooLargeException;
import news.broadsheet.api.internal.Problem;
import news.broadsheet.api.internal.WholeCharactersOnly;
import news.broadsheet.article.ArticleNotFoundException;
import news.broadsheet.article.EditorialRefusedException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every error of the API's controllers as problem details, never as the HTML error page
 * and never with a stack trace.
 */
@RestControllerAdvice(assignableTypes = ApiEndpoint.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ApiProblems problems;

    ApiExceptionHandler(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiProblem.class)
    void problem(ApiProblem e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, e.status(), String.valueOf(e.getMessage()), e.errors(), e.headers());
    }

    @ExceptionHandler(ArticleNotFoundException.class)
    void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, 404, "There is no such story.");
    }

    @ExceptionHandler(EditorialRefusedException.class)
    void refused(EditorialRefusedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String general = e.errors().getOrDefault("", "");
        switch (e.kind()) {
            case FORBIDDEN -> problems.write(request, response, 403, general.isEmpty() ? "Not allowed." : general);
            case CONFLICT ->
                problems.write(
                        request,
                        response,
                        409,
                        "The story has changed since the version you sent; fetch the draft again and reapply your change.");
            case INVALID -> {
                List<Problem.FieldError> fields = e.errors().entrySet().stream()
                        .filter(error -> !error.getKey().isEmpty())
                        .map(error -> new Problem.FieldError(error.getKey(), error.getValue()))
                        .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                        .toList();
                problems.write(
                        request,
                        response,
                        422,
                        general.isEmpty() ? "The request has invalid fields; see errors." : general,
                        fields.isEmpty() ? null : fields,
                        Map.of());
            }
        }
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    void unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                tooLarge(request, response);
                return;
            }
        }
        if (WholeCharactersOnly.refused(e)) {
            problems.write(request, response, 400, WholeCharactersOnly.PROBLEM);
            return;
        }
        problems.write(
                request, response, 400, "The request body is not valid JSON of the expected shape, or it is missing.");
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, ServletRequestBindingException.class})
    void badParameter(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, 400, "A parameter or header is missing or malformed.");
    }

    /** Tomcat refuses a query string it cannot decode, such as {@code cursor=%%%}, when it is first read. */
    @ExceptionHandler(InvalidParameterException.class)
    void invalidParameter(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, 400, "The query string is not valid: escape '%' as %25.");
    }

    /**
     * A body read as form parameters (JSON sent as a form) whose names or values the firewall
     * refuses, such as control characters: refused when first read, inside the controller.
     */
    @ExceptionHandler(RequestRejectedException.class)
    void rejected(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, 400, "The request was refused: send the body as application/json.");
    }

    @ExceptionHandler(BodyTooLargeException.class)
    void bodyTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        tooLarge(request, response);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void unsupported(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, 415, "Send the request body as application/json.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, 406, "This endpoint answers in application/json only.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void methodNotAllowed(
            HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var allowed = e.getSupportedHttpMethods();
        problems.write(
                request,
                response,
                405,
                "This address does not accept " + e.getMethod() + ".",
                null,
                allowed == null
                        ? Map.of()
                        : Map.of(
                                "Allow",
                                String.join(
                                        ", ",
                                        allowed.stream().map(Object::toString).toList())));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    void noResource(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, 404, "There is nothing at this address.");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, 413, "Request bodies are limited to 1 MB.");
    }

    /** The database could not take the request just now; it was rolled back, so sending again is safe. */
    @ExceptionHandler({
        CannotCreateTransactionException.class,
        TransientDataAccessException.class,
        DataAccessResourceFailureException.class
    })
    void unavailable(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.warn(
                "API request {} {} answered 503, the database is unavailable: {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getMessage());
        problems.write(
                request,
                response,
                503,
                "The site is too busy to take this request just now, and nothing was saved; send it again in a few seconds.",
                null,
                Map.of("Retry-After", "2"));
    }

    /**
     * Spring refuses to read a body sent as a wildcard type ({@code Content-Type: *}{@code /*}) with an
     * IllegalArgumentException; that is a request to resend as JSON, not a failure of ours.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    void illegalArgument(IllegalArgumentException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.contains("*")) {
            unsupported(request, response);
            return;
        }
        unexpected(e, request, response);
    }

    @ExceptionHandler(Exception.class)
    void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        problems.write(request, response, 500, "Something went wrong on our side; please try again later.");
    }
}
