package news.broadsheet.api.internal;

import java.io.IOException;

/** Thrown while reading a request body (chunked or not) once it passes the API's size limit. */
public final class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
