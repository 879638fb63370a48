package news.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a real response body against the schema the OpenAPI description documents for its
 * operation, status and media type. Every object schema under {@code components/schemas} is made
 * closed (no undocumented properties) for the check, so a field the code sends but the description
 * leaves out fails as surely as a documented field the code forgets. Any schema added to the
 * description later is covered by the same call.
 */
final class OpenApiSchemas {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final JsonNode document;
    private final ObjectNode definitions;

    OpenApiSchemas(JsonNode document) {
        this.document = document;
        this.definitions = (ObjectNode)
                rewriteRefs(document.path("components").path("schemas").deepCopy());
        for (Map.Entry<String, JsonNode> schema : definitions.properties()) {
            close(schema.getValue());
        }
    }

    /**
     * Asserts that the body matches the documented schema of this response.
     *
     * @param path the documented path, such as {@code /api/v1/articles/{id}}
     * @return true when a schema was documented and checked (false for bodies that are not JSON)
     */
    boolean assertMatches(String method, String path, int status, String contentType, String body) {
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT));
        assertThat(operation.isMissingNode())
                .as(method + " " + path + " is documented")
                .isFalse();
        JsonNode response = resolve(operation.path("responses").path(String.valueOf(status)));
        assertThat(response.isMissingNode())
                .as(method + " " + path + " documents status " + status)
                .isFalse();
        String mediaType = contentType.split(";")[0].strip();
        JsonNode content = response.path("content").path(mediaType);
        if (!mediaType.endsWith("json")) {
            return false;
        }
        assertThat(content.isMissingNode())
                .as(method + " " + path + " " + status + " documents " + mediaType + " (has "
                        + response.path("content").propertyNames() + ")")
                .isFalse();
        JsonNode schema = content.path("schema");
        assertThat(schema.isMissingNode())
                .as(method + " " + path + " " + status + " schema")
                .isFalse();
        List<Error> errors = validator(schema).validate(ApiReadIntegrationTests.JSON.readTree(body));
        assertThat(errors)
                .as(method + " " + path + " " + status + " answered " + abbreviate(body) + "\nwhich does not match "
                        + schema)
                .isEmpty();
        return true;
    }

    private Schema validator(JsonNode schema) {
        ObjectNode root = (ObjectNode) rewriteRefs(schema.deepCopy());
        root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
        root.set("$defs", definitions);
        return REGISTRY.getSchema(root);
    }

    /** A response given as a {@code $ref} to {@code components/responses}, looked up. */
    private JsonNode resolve(JsonNode response) {
        String ref = response.path("$ref").asString("");
        if (ref.startsWith("#/components/responses/")) {
            return document.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return response;
    }

    /** {@code #/components/schemas/X} becomes {@code #/$defs/X}, inside the one schema document checked. */
    private static JsonNode rewriteRefs(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                if (property.getKey().equals("$ref")) {
                    object.put("$ref", property.getValue().asString().replace("#/components/schemas/", "#/$defs/"));
                } else {
                    rewriteRefs(property.getValue());
                }
            }
        } else if (node.isArray()) {
            node.values().forEach(OpenApiSchemas::rewriteRefs);
        }
        return node;
    }

    /** An object schema with documented properties admits no others. */
    private static void close(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            for (JsonNode child : object.values()) {
                close(child);
            }
        } else if (schema.isArray()) {
            schema.values().forEach(OpenApiSchemas::close);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }
}
