package news.broadsheet.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.broadsheet.account.Role;
import news.broadsheet.shared.SecurityHeaders;
import news.broadsheet.support.Http;
import news.broadsheet.support.IntegrationTest;
import news.broadsheet.support.Newsroom;
import news.broadsheet.support.StaffClient;
import news.broadsheet.support.TestDatabaseQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every response carries the browser policies, including those the security chains end themselves
 * (a redirect to sign in, 401, 403) and error pages; a reader who only looks gets no session.
 */
@IntegrationTest
class SecurityHeadersIntegrationTests {

    @Autowired
    Http http;

    @Autowired
    Newsroom newsroom;

    @Autowired
    TestDatabaseQueries database;

    @Test
    void everyKindOfResponseOnEveryChainCarriesThePolicies() {
        newsroom.section("World");
        StaffClient reporter =
                StaffClient.signIn(http, newsroom.staff(Role.REPORTER).username(), Newsroom.PASSWORD);
        String stylesheet =
                http.get("/").page().selectFirst("link[rel=stylesheet]").attr("href");

        Map<String, Http.Response> responses = new LinkedHashMap<>();
        responses.put("public page 200", http.get("/"));
        responses.put("stylesheet 200", http.get(stylesheet));
        responses.put("unknown address 404", http.get("/no/such/page"));
        responses.put("wrong method 405", http.request("DELETE", "/search"));
        responses.put("sign-in page 200", http.get("/login"));
        responses.put("anonymous newsroom 302", http.get("/admin"));
        responses.put("sign-out without a token 403", http.postForm("/logout", Map.of()));
        responses.put("reporter on user admin 403", reporter.get("/admin/users"));
        responses.put("reporter's newsroom 200", reporter.get("/admin"));
        responses.put("API read 200", http.get("/api/v1/articles"));
        responses.put("API write without a token 401", http.postRaw("/api/v1/articles", "application/json", "{}"));
        responses.put("API unknown 404", http.get("/api/v1/nothing-here"));

        assertThat(responses.values().stream().map(Http.Response::status).toList())
                .containsExactly(200, 200, 404, 405, 200, 302, 403, 403, 200, 200, 401, 404);
        responses.forEach((what, response) -> {
            assertThat(response.header("Content-Security-Policy"))
                    .as(what)
                    .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY)
                    .contains("frame-ancestors 'self'", "script-src 'self'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).as(what).isEqualTo("SAMEORIGIN");
            assertThat(response.header("Referrer-Policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
            assertThat(response.header("Permissions-Policy")).as(what).contains("camera=()");
            assertThat(response.header("Strict-Transport-Security"))
                    .as(what + ": plain HTTP gets no HSTS")
                    .isNull();
        });
        assertThat(responses.get("reporter's newsroom 200").header("Cache-Control"))
                .as("a signed-in page is kept by nobody")
                .contains("no-store");
        assertThat(responses.get("public page 200").header("Cache-Control"))
                .as("public pages keep their own caching")
                .doesNotContain("no-store");
    }

    @Test
    void readersAndTheSignInPageGetNoSessionAndSigningInMakesANewOne() {
        int sessions = database.count("SPRING_SESSION");
        Http browser = http.browser();
        for (String path : List.of("/", "/login", "/login", "/search?q=anything", "/admin/comments")) {
            Http.Response response = browser.get(path);
            assertThat(String.join(";", response.raw().headers().allValues("Set-Cookie")))
                    .as(path)
                    .doesNotContain("broadsheet_session");
        }
        assertThat(database.count("SPRING_SESSION")).isEqualTo(sessions);

        String username = newsroom.staff(Role.EDITOR).username();
        String first = signIn(browser, username, "/admin/comments");
        assertThat(database.count("SPRING_SESSION")).isEqualTo(sessions + 1);
        assertThat(browser.get("/admin/comments").status())
                .as("following the redirect")
                .isEqualTo(200);

        String second = signIn(browser, username, "/admin");
        assertThat(second).as("the session id changes at sign-in").isNotEqualTo(first);
        assertThat(browser.get("/admin").status()).isEqualTo(200);
    }

    /** Signs in through the form, checks where it leads, and returns the session cookie the server set. */
    private static String signIn(Http browser, String username, String landing) {
        String token = StaffClient.token(browser.get("/login"));
        Http.Response response = browser.postForm(
                "/login", Http.form("username", username, "password", Newsroom.PASSWORD, "_csrf", token));
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location())
                .as("back to the newsroom page asked for before signing in, or its front page")
                .isEqualTo(landing);
        String cookie = cookie(response, "broadsheet_session");
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        return cookie.substring("broadsheet_session=".length(), cookie.indexOf(';'));
    }

    private static String cookie(Http.Response response, String name) {
        return response.raw().headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    private static String encode(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return body.toString();
    }

    /** Behind a proxy that says the reader came over TLS: HSTS, and cookies only for TLS. */
    @IntegrationTest(properties = "server.forward-headers-strategy=native")
    static class BehindTlsProxy {

        @Autowired
        Http http;

        @Autowired
        Newsroom newsroom;

        @Test
        void sendsStrictTransportSecurityAndSecureCookies() {
            Http.Response page = http.send(
                    HttpRequest.newBuilder()
                            .header("X-Forwarded-Proto", "https")
                            .GET(),
                    "/");
            assertThat(page.header("Strict-Transport-Security")).contains("max-age=31536000", "includeSubDomains");

            // Cookies marked Secure are sent back by hand: this client talks plain HTTP to the proxy's side.
            Http.Response form = http.send(
                    HttpRequest.newBuilder()
                            .header("X-Forwarded-Proto", "https")
                            .GET(),
                    "/login");
            assertThat(form.header("Strict-Transport-Security")).isNotNull();
            String csrfCookie = cookie(form, "broadsheet_csrf");
            assertThat(csrfCookie).contains("Secure", "HttpOnly");
            Http.Response signedIn = http.send(
                    HttpRequest.newBuilder()
                            .header("X-Forwarded-Proto", "https")
                            .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(encode(Http.form(
                                    "username", newsroom.staff(Role.EDITOR).username(),
                                    "password", Newsroom.PASSWORD,
                                    "_csrf", StaffClient.token(form))))),
                    "/login");
            assertThat(signedIn.status()).isEqualTo(302);
            assertThat(cookie(signedIn, "broadsheet_session")).contains("Secure", "HttpOnly");
        }
    }
}
