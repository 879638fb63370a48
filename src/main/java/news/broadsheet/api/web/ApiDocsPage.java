package news.broadsheet.api.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The API documentation page, made from the OpenAPI document. */
public record ApiDocsPage(
        String title,
        String version,
        String description,
        List<Operation> operations,
        List<Schema> schemas,
        List<ProblemType> problems) {

    /** One method on one path. */
    public record Operation(
            String anchor,
            String method,
            String path,
            String summary,
            String description,
            boolean needsToken,
            List<Param> parameters,
            @Nullable String requestSchema,
            List<Response> responses) {}

    public record Param(String name, String in, boolean required, String type, String description) {}

    public record Response(
            String status, String description, @Nullable String schema) {}

    public record Schema(String name, String description, List<Property> properties) {}

    public record Property(String name, String type, boolean required, String description) {}

    /** A kind of problem, linked from every problem's {@code type}. */
    public record ProblemType(String anchor, int status, String title, String description) {}
}
