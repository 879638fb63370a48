package news.broadsheet.api.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request the API answers with a problem: thrown by controllers, written as problem details by
 * the API's exception handler.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ApiProblem(int status, String detail) {
        this(status, detail, List.of(), Map.of());
    }

    public ApiProblem(int status, String detail, List<Problem.FieldError> errors, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, detail);
    }

    public static ApiProblem invalid(List<Problem.FieldError> errors) {
        return new ApiProblem(422, "The request has invalid fields; see errors.", errors, Map.of());
    }

    public int status() {
        return status;
    }

    public @Nullable List<Problem.FieldError> errors() {
        return errors.isEmpty() ? null : errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
