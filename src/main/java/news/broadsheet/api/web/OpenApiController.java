package news.broadsheet.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import news.broadsheet.api.internal.ApiProblems;
import news.broadsheet.shared.SiteSettings;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's OpenAPI 3.1 description (written by hand in {@code api/openapi.json}; tests check that
 * it lists every route and that every route answers as documented) and a readable page made from
 * it, rendered on the server without scripts.
 */
@Controller
class OpenApiController {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final byte[] document;
    private final ApiDocsPage page;

    OpenApiController(JsonMapper json, SiteSettings site) {
        try (InputStream in = new ClassPathResource("api/openapi.json").getInputStream()) {
            ObjectNode root = (ObjectNode) json.readTree(in);
            root.putArray("servers").addObject().put("url", site.baseUrl());
            this.document = json.writeValueAsBytes(root);
            this.page = page(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(path = "/api/v1/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> document() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }

    @GetMapping("/api/v1/docs")
    String docs(Model model) {
        model.addAttribute("page", page);
        return "api/docs";
    }

    private static ApiDocsPage page(JsonNode root) {
        JsonNode components = root.path("components");
        List<ApiDocsPage.Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            List<JsonNode> shared =
                    new ArrayList<>(path.getValue().path("parameters").values());
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                List<ApiDocsPage.Param> params = new ArrayList<>();
                List<JsonNode> all = new ArrayList<>(shared);
                all.addAll(operation.path("parameters").values());
                for (JsonNode param : all) {
                    JsonNode p = resolve(components, param);
                    params.add(new ApiDocsPage.Param(
                            p.path("name").asString(),
                            p.path("in").asString(),
                            p.path("required").asBoolean(),
                            type(p.path("schema")),
                            p.path("description").asString("")));
                }
                JsonNode body = operation.path("requestBody").path("content").path("application/json");
                List<ApiDocsPage.Response> responses = new ArrayList<>();
                for (Map.Entry<String, JsonNode> response :
                        operation.path("responses").properties()) {
                    JsonNode r = resolve(components, response.getValue());
                    JsonNode content = r.path("content");
                    String schema = null;
                    for (Map.Entry<String, JsonNode> media : content.properties()) {
                        schema = type(media.getValue().path("schema")) + " (" + media.getKey() + ")";
                    }
                    responses.add(new ApiDocsPage.Response(
                            response.getKey(), r.path("description").asString(""), schema));
                }
                operations.add(new ApiDocsPage.Operation(
                        operation.path("operationId").asString(method + path.getKey()),
                        method.toUpperCase(java.util.Locale.ROOT),
                        path.getKey(),
                        operation.path("summary").asString(""),
                        operation.path("description").asString(""),
                        operation.has("security"),
                        params,
                        body.isMissingNode() ? null : type(body.path("schema")),
                        responses));
            }
        }
        List<ApiDocsPage.Schema> schemas = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : components.path("schemas").properties()) {
            Set<String> required = new HashSet<>();
            schema.getValue().path("required").values().forEach(r -> required.add(r.asString()));
            List<ApiDocsPage.Property> properties = new ArrayList<>();
            for (Map.Entry<String, JsonNode> property :
                    schema.getValue().path("properties").properties()) {
                properties.add(new ApiDocsPage.Property(
                        property.getKey(),
                        type(property.getValue()),
                        required.contains(property.getKey()),
                        property.getValue().path("description").asString("")));
            }
            schemas.add(new ApiDocsPage.Schema(
                    schema.getKey(), schema.getValue().path("description").asString(""), properties));
        }
        Map<Integer, String> explained = new TreeMap<>();
        for (Map.Entry<String, Integer> problem : STATUS_OF.entrySet()) {
            explained.put(
                    problem.getValue(),
                    components
                            .path("responses")
                            .path(problem.getKey())
                            .path("description")
                            .asString(""));
        }
        List<ApiDocsPage.ProblemType> problems = new ArrayList<>();
        for (Map.Entry<Integer, String> type : new TreeMap<>(ApiProblems.TYPES).entrySet()) {
            HttpStatus status = HttpStatus.resolve(type.getKey());
            problems.add(new ApiDocsPage.ProblemType(
                    "problem-" + type.getValue(),
                    type.getKey(),
                    status == null ? "Error" : status.getReasonPhrase(),
                    explained.getOrDefault(type.getKey(), type.getKey() == 500 ? "A failure on our side." : "")));
        }
        return new ApiDocsPage(
                root.path("info").path("title").asString(""),
                root.path("info").path("version").asString(""),
                root.path("info").path("description").asString(""),
                operations,
                schemas,
                problems);
    }

    /** The documented problem responses and their statuses, for the page's list of problem types. */
    private static final Map<String, Integer> STATUS_OF = Map.ofEntries(
            Map.entry("BadRequest", 400),
            Map.entry("Unauthorized", 401),
            Map.entry("Forbidden", 403),
            Map.entry("NotFound", 404),
            Map.entry("MethodNotAllowed", 405),
            Map.entry("NotAcceptable", 406),
            Map.entry("Conflict", 409),
            Map.entry("PreconditionFailed", 412),
            Map.entry("ContentTooLarge", 413),
            Map.entry("UnsupportedMediaType", 415),
            Map.entry("ValidationFailed", 422),
            Map.entry("PreconditionRequired", 428),
            Map.entry("TooManyRequests", 429));

    private static JsonNode resolve(JsonNode components, JsonNode node) {
        String ref = node.path("$ref").asString("");
        if (ref.startsWith("#/components/")) {
            String[] parts = ref.substring("#/components/".length()).split("/");
            return components.path(parts[0]).path(parts[1]);
        }
        return node;
    }

    /** A schema as a reader sees its type: "ArticleItem", "array of TagItem", "string or null". */
    private static String type(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (!ref.isEmpty()) {
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        if (schema.has("oneOf")) {
            List<String> options = new ArrayList<>();
            schema.path("oneOf").values().forEach(option -> options.add(type(option)));
            return String.join(" or ", options);
        }
        JsonNode type = schema.path("type");
        String name;
        if (type.isArray()) {
            List<String> names = new ArrayList<>();
            type.values().forEach(t -> names.add(t.asString()));
            name = String.join(" or ", names);
        } else {
            name = type.asString("any");
        }
        if (name.equals("array")) {
            name = "array of " + type(schema.path("items"));
        }
        String format = schema.path("format").asString("");
        return format.isEmpty() ? name : name + " (" + format + ")";
    }
}
