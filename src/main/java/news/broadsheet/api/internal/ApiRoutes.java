package news.broadsheet.api.internal;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Which API routes need a token, and with which scope: the one table the API's security chain is
 * built from. Every other route is open to anyone for reading; a write to a route not listed here
 * is answered by routing (405 or 404), never carried out. The route-matrix test checks every API
 * handler against this table.
 */
public final class ApiRoutes {

    /** A route (method and path pattern) and the scope a token needs for it. */
    public record Rule(HttpMethod method, String pattern, ApiScope scope) {}

    public static final List<Rule> TOKEN_ROUTES = List.of(
            new Rule(HttpMethod.POST, "/api/v1/articles", ApiScope.ARTICLES_WRITE),
            new Rule(HttpMethod.PATCH, "/api/v1/articles/*", ApiScope.ARTICLES_WRITE),
            new Rule(HttpMethod.GET, "/api/v1/articles/*/draft", ApiScope.ARTICLES_WRITE),
            new Rule(HttpMethod.POST, "/api/v1/articles/*/publish", ApiScope.ARTICLES_WRITE),
            new Rule(HttpMethod.POST, "/api/v1/articles/*/comments", ApiScope.COMMENTS_WRITE),
            new Rule(HttpMethod.POST, "/api/v1/authors", ApiScope.AUTHORS_WRITE),
            new Rule(HttpMethod.PATCH, "/api/v1/authors/*", ApiScope.AUTHORS_WRITE),
            new Rule(HttpMethod.POST, "/api/v1/sections", ApiScope.SECTIONS_WRITE));

    /** The authority a token's scope gives its request. */
    public static String authority(ApiScope scope) {
        return "SCOPE_" + scope.value();
    }

    private ApiRoutes() {}
}
