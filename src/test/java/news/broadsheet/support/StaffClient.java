package news.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;

/** A signed-in newsroom user's browser: keeps the session cookie and sends the CSRF token with forms. */
public final class StaffClient {

    private final Http http;
    private String csrf;

    private StaffClient(Http http, String csrf) {
        this.http = http;
        this.csrf = csrf;
    }

    /** Signs in through the real sign-in form. */
    public static StaffClient signIn(Http anonymous, String username, String password) {
        Http browser = anonymous.browser();
        String loginToken = token(browser.get("/login"));
        Http.Response response =
                browser.postForm("/login", Http.form("username", username, "password", password, "_csrf", loginToken));
        assertThat(response.status()).as("sign-in of " + username).isEqualTo(302);
        assertThat(response.location()).as("sign-in of " + username).isEqualTo("/admin");
        return new StaffClient(browser, token(browser.get("/admin")));
    }

    /**
     * Submits a form as the page showed it (its inputs, ticked boxes, chosen options and text
     * areas), with some fields changed, as a person pressing its button would.
     *
     * @param changes names and values, in pairs
     */
    public Http.Response submit(String path, org.jsoup.nodes.Document page, String formSelector, String... changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (var input : page.select(formSelector + " input[name], " + formSelector + " textarea[name]")) {
            if (input.attr("type").equals("checkbox") && !input.hasAttr("checked")) {
                continue;
            }
            if (!input.attr("name").equals("_csrf")) {
                fields.put(input.attr("name"), input.tagName().equals("textarea") ? input.text() : input.val());
            }
        }
        java.util.List<String> pairs = new java.util.ArrayList<>();
        for (var select : page.select(formSelector + " select[name]")) {
            for (var option : select.select("option[selected]")) {
                pairs.add(select.attr("name"));
                pairs.add(option.val());
            }
        }
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        fields.forEach((name, value) -> {
            pairs.add(name);
            pairs.add(value);
        });
        return post(path, pairs.toArray(String[]::new));
    }

    public Http.Response get(String path) {
        return http.get(path);
    }

    /** Posts a form with this session's CSRF token; a name may repeat (ticked checkboxes, multi-selects). */
    public Http.Response post(String path, String... namesAndValues) {
        StringBuilder body = new StringBuilder("_csrf=").append(encode(csrf));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append('&').append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
        }
        return http.postRaw(path, "application/x-www-form-urlencoded", body.toString());
    }

    /** Posts a body already form-encoded (and perhaps malformed) as it is, after this session's CSRF token. */
    public Http.Response postEncoded(String path, String encodedFields) {
        return http.postRaw(path, "application/x-www-form-urlencoded", "_csrf=" + encode(csrf) + "&" + encodedFields);
    }

    /** Sends a prepared request with this session's cookies. */
    public Http.Response send(HttpRequest.Builder request, String path) {
        return http.send(request, path);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public Http.Response postWithoutCsrf(String path, String... namesAndValues) {
        return http.postForm(path, Http.form(namesAndValues));
    }

    /** Posts a multipart form with one file, as a browser uploads an image. */
    public Http.Response upload(
            String path,
            Map<String, String> fields,
            String fileField,
            String filename,
            String contentType,
            byte[] file) {
        String boundary = "----broadsheet" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        all.forEach((name, value) -> write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                        + "\r\n"));
        write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(file);
        write(body, "\r\n--" + boundary + "--\r\n");
        return http.send(
                HttpRequest.newBuilder()
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
                path);
    }

    /** Creates a personal access token on the tokens page and returns its secret, shown once. */
    public String createApiToken(String name, String expiresOn, String... scopes) {
        String[] fields = new String[4 + scopes.length * 2];
        fields[0] = "name";
        fields[1] = name;
        fields[2] = "expiresOn";
        fields[3] = expiresOn;
        for (int i = 0; i < scopes.length; i++) {
            fields[4 + i * 2] = "scopes";
            fields[5 + i * 2] = scopes[i];
        }
        Http.Response created = post("/admin/tokens", fields);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        Element secret = created.page().selectFirst("#new-token-secret");
        assertThat(secret).isNotNull();
        return secret.val();
    }

    /** Refreshes the CSRF token from a staff page (after the session changed). */
    public void refreshToken() {
        csrf = token(http.get("/admin"));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The CSRF token of a form on the page. */
    public static String token(Http.Response page) {
        Element input = page.page().selectFirst("input[name=_csrf]");
        assertThat(input).as("CSRF field on " + page.raw().uri()).isNotNull();
        return input.val();
    }
}
