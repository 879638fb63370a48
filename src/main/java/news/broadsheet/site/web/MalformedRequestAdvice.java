package news.broadsheet.site.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Answers form bodies Tomcat cannot parse (bad escapes, too large, multipart without parts) with the 4xx they deserve, shown
 * on the error page, instead of logging each one as a server error.
 */
@ControllerAdvice
class MalformedRequestAdvice {

    @ExceptionHandler(InvalidParameterException.class)
    void malformedParameters(InvalidParameterException e, HttpServletResponse response) throws IOException {
        int status =
                e.getErrorCode() >= 400 && e.getErrorCode() < 500 ? e.getErrorCode() : HttpStatus.BAD_REQUEST.value();
        response.sendError(status);
    }

    /** An upload over the server's request limit: the error page explains, instead of a broken connection. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void uploadTooLarge(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
    }

    /** Form parameters the firewall refuses (control characters in a name), read for the first time inside a controller. */
    @ExceptionHandler(RequestRejectedException.class)
    void rejected(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    /** A multipart body Tomcat cannot split into parts (no boundary, cut short): the sender's mistake. */
    @ExceptionHandler(MultipartException.class)
    void malformedMultipart(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }
}
