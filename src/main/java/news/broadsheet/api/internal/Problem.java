package news.broadsheet.api.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem details body, as every error under {@code /api} is answered.
 *
 * @param type a link to the explanation of this kind of problem in the API documentation
 * @param instance the path of the request that failed
 * @param errors for validation problems, what is wrong with each field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        @Nullable List<FieldError> errors) {

    /** One field's problem in a request body or query. */
    public record FieldError(String field, String detail) {}
}
