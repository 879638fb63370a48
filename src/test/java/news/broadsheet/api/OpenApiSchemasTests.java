package news.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The schema check the OpenAPI tests rely on refuses what the description does not allow. */
class OpenApiSchemasTests {

    private static JsonNode document() throws IOException {
        try (InputStream in = OpenApiSchemasTests.class.getResourceAsStream("/api/openapi.json")) {
            return ApiReadIntegrationTests.JSON.readTree(in);
        }
    }

    private static final String AUTHOR = """
            {"id":1,"slug":"ana","name":"Ana","jobTitle":"","bio":"","bioHtml":"","email":"","website":"",
             "profiles":[],"sameAs":[],"image":null,"retired":false,"url":"https://example.org/author/ana"}""";

    @Test
    void acceptsADocumentedAuthorList() throws IOException {
        OpenApiSchemas schemas = new OpenApiSchemas(document());
        assertThat(schemas.assertMatches(
                        "GET", "/api/v1/authors", 200, "application/json", "{\"items\":[" + AUTHOR + "]}"))
                .isTrue();
    }

    @Test
    void refusesAnUndocumentedProperty() throws IOException {
        OpenApiSchemas schemas = new OpenApiSchemas(document());
        String extra = AUTHOR.replace("\"id\":1", "\"id\":1,\"secret\":\"x\"");
        assertThatThrownBy(() -> schemas.assertMatches(
                        "GET", "/api/v1/authors", 200, "application/json", "{\"items\":[" + extra + "]}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("secret");
    }

    @Test
    void refusesAMissingRequiredPropertyAndAWrongType() throws IOException {
        OpenApiSchemas schemas = new OpenApiSchemas(document());
        String missing = AUTHOR.replace("\"jobTitle\":\"\",", "");
        assertThatThrownBy(() -> schemas.assertMatches(
                        "GET", "/api/v1/authors", 200, "application/json", "{\"items\":[" + missing + "]}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("jobTitle");
        String wrongType = AUTHOR.replace("\"retired\":false", "\"retired\":\"no\"");
        assertThatThrownBy(() -> schemas.assertMatches(
                        "GET", "/api/v1/authors", 200, "application/json", "{\"items\":[" + wrongType + "]}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void checksProblemDetailsOfDocumentedRefusals() throws IOException {
        OpenApiSchemas schemas = new OpenApiSchemas(document());
        assertThatThrownBy(() -> schemas.assertMatches(
                        "GET", "/api/v1/authors", 401, "application/problem+json", "{\"title\":\"Unauthorized\"}"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> schemas.assertMatches("GET", "/api/v1/authors", 418, "application/json", "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("418");
    }
}
