package news.broadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.broadsheet.account.Role;
import news.broadsheet.account.internal.StaffRoutes;
import news.broadsheet.api.internal.ApiRoutes;
import news.broadsheet.api.internal.ApiScope;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Walks every handler the application has and checks each role (anonymous, reporter, moderator,
 * editor, admin) and each token scope against the declared rules ({@link StaffRoutes}, {@link
 * ApiRoutes}, and the public writes named here), so a new route nobody wrote a rule for fails the
 * build.
 */
@IntegrationTest
class RouteAccessMatrixIntegrationTests {

    /**
     * The public routes that change something, each deliberately open to anonymous readers; any other
     * public route must only read.
     */
    private static final Set<String> PUBLIC_WRITES = Set.of(
            "POST /articles/{articleId}/comments",
            "POST /comments/{id}/report",
            "POST /comments/unsubscribe",
            "POST /comments/privacy",
            "POST /comments/privacy/{token}/erase");

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    record Route(String method, String pattern) {

        boolean staff() {
            return pattern.equals("/admin")
                    || pattern.startsWith("/admin/")
                    || pattern.startsWith("/login")
                    || pattern.equals("/logout");
        }

        boolean api() {
            return pattern.equals("/api") || pattern.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    @Test
    void everyRouteHasARule() {
        List<String> missing = new ArrayList<>();
        for (Route route : routes()) {
            if (route.staff() && staffRule(example(route.pattern())).isEmpty()) {
                missing.add(route + ": no rule in StaffRoutes (it would be refused to everyone)");
            } else if (route.api()
                    && !route.method().equals("GET")
                    && apiRule(route).isEmpty()
                    && !route.pattern().equals("/api/**")
                    && !route.pattern().equals("/api")) {
                missing.add(route + ": an API write with no scope in ApiRoutes");
            } else if (!route.staff()
                    && !route.api()
                    && !route.method().equals("GET")
                    && !route.pattern().equals("/error")
                    && !PUBLIC_WRITES.contains(route.toString())) {
                missing.add(route + ": a public route that is not a read nor a declared public write");
            }
        }
        assertThat(missing).as("routes without a declared rule").isEmpty();
        assertThat(routes())
                .as("the walk sees the newsroom")
                .anyMatch(route -> route.pattern().equals("/admin/users/{id}/role"));
    }

    @Test
    void eachRoleReachesExactlyTheNewsroomRoutesItsRuleAdmits() {
        Map<Role, StaffClient> signedIn = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            signedIn.put(role, StaffClient.signIn(http, newsroom.staff(role).username(), Newsroom.PASSWORD));
        }
        // A reader's browser with the sign-in form's CSRF token: refusals are then the rules', not CSRF's.
        Http reader = http.browser();
        String readerToken = StaffClient.token(reader.get("/login"));
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            if (!route.staff() || route.pattern().equals("/logout")) {
                continue; // signing out is open to all and would end the walk's sessions
            }
            String path = example(route.pattern());
            StaffRoutes.Audience audience = staffRule(path).orElseThrow().audience();
            Http.Response anonymous = route.method().equals("GET")
                    ? reader.get(path)
                    : reader.postForm(path, Map.of("probe", "1", "_csrf", readerToken));
            check(wrong, route, "anonymous", audience == StaffRoutes.Audience.EVERYONE, anonymous);
            for (Role role : Role.values()) {
                StaffClient staff = signedIn.get(role);
                Http.Response response =
                        route.method().equals("GET") ? staff.get(path) : staff.post(path, "probe", "1");
                check(wrong, route, role.name(), audience.admits(role), response);
            }
        }
        assertThat(wrong).as("responses that disagree with StaffRoutes").isEmpty();
    }

    @Test
    void eachTokenScopeReachesExactlyTheApiRoutesThatNeedIt() {
        StaffClient admin = StaffClient.signIn(http, newsroom.staff(Role.ADMIN).username(), Newsroom.PASSWORD);
        Map<ApiScope, String> tokens = new EnumMap<>(ApiScope.class);
        for (ApiScope scope : ApiScope.values()) {
            tokens.put(scope, admin.createApiToken("matrix " + scope.value(), "", scope.value()));
        }
        List<String> wrong = new ArrayList<>();
        for (ApiRoutes.Rule rule : ApiRoutes.TOKEN_ROUTES) {
            String path = example(rule.pattern().replace("*", "{id}"));
            Route route = new Route(rule.method().name(), rule.pattern());
            Http.Response none = api(rule.method(), path, null);
            if (none.status() != 401) {
                wrong.add(route + " without a token: " + none.status());
            }
            for (ApiScope scope : ApiScope.values()) {
                int status = api(rule.method(), path, tokens.get(scope)).status();
                boolean allowed = scope == rule.scope();
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    wrong.add(route + " with " + scope.value() + ": " + status);
                }
            }
        }
        for (Route route : routes()) {
            if (route.api() && route.method().equals("GET") && !route.pattern().endsWith("/draft")) {
                int status = http.get(example(route.pattern())).status();
                if (status == 401 || status == 403) {
                    wrong.add(route + " is a read, open to anyone: " + status);
                }
            }
        }
        assertThat(wrong).as("responses that disagree with ApiRoutes").isEmpty();
    }

    private static void check(List<String> wrong, Route route, String who, boolean admitted, Http.Response response) {
        int status = response.status();
        String location = response.location();
        boolean toSignIn = status == 302 && location != null && location.startsWith("/login");
        boolean refused = status == 401 || status == 403 || toSignIn;
        if (admitted == refused && !(route.pattern().startsWith("/login") && toSignIn)) {
            wrong.add(route + " as " + who + ": " + status + (location == null ? "" : " → " + location)
                    + (admitted ? " (should be let in)" : " (should be refused)"));
        }
    }

    private Http.Response api(HttpMethod method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .method(method.name(), HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request, path);
    }

    /** Every (method, pattern) the application answers; a mapping for any method counts as GET and POST. */
    private Set<Route> routes() {
        Set<Route> routes = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> names = methods.isEmpty()
                    ? List.of("GET", "POST")
                    : methods.stream().map(RequestMethod::name).toList();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                for (String method : names) {
                    routes.add(new Route(method, pattern));
                }
            }
        }
        return routes;
    }

    private static Optional<StaffRoutes.Rule> staffRule(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return StaffRoutes.RULES.stream()
                .filter(rule ->
                        rule.patterns().stream().map(PARSER::parse).anyMatch(pattern -> pattern.matches(container)))
                .findFirst();
    }

    private static Optional<ApiRoutes.Rule> apiRule(Route route) {
        PathContainer container = PathContainer.parsePath(example(route.pattern()));
        return ApiRoutes.TOKEN_ROUTES.stream()
                .filter(rule -> rule.method().name().equals(route.method()))
                .filter(rule -> PARSER.parse(rule.pattern()).matches(container))
                .findFirst();
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?(\\w+)(?::([^}]*))?}");

    /** An address the pattern matches, with ids that exist nowhere (so a let-in request finds nothing to change). */
    static String example(String pattern) {
        Matcher matcher = VARIABLE.matcher(pattern.replace("/**", "/x").replace("/*", "/x"));
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String regex = matcher.group(2);
            String value = "999999";
            if (regex != null && !value.matches(regex)) {
                value = List.of("x", "x.xml", "a-b", "2026").stream()
                        .filter(v -> v.matches(regex))
                        .findFirst()
                        .orElse("x");
            }
            matcher.appendReplacement(path, value);
        }
        matcher.appendTail(path);
        return path.toString();
    }
}
