package news.broadsheet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/** A small HTTP client for tests: real requests to the started server, redirects not followed. */
public final class Http {

    private final HttpClient client;
    private final IntSupplier port;
    private final java.net.@Nullable InetAddress from;

    public Http(IntSupplier port) {
        this(port, false);
    }

    private Http(IntSupplier port, boolean keepCookies) {
        this(port, keepCookies, null);
    }

    private Http(IntSupplier port, boolean keepCookies, java.net.@Nullable InetAddress from) {
        this.port = port;
        this.from = from;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (keepCookies) {
            builder.cookieHandler(new java.net.CookieManager());
        }
        if (from != null) {
            builder.localAddress(from);
        }
        this.client = builder.build();
    }

    /** A client of its own that keeps cookies, like one browser (on the same machine as this one). */
    public Http browser() {
        return new Http(port, true, from);
    }

    /**
     * A browser on another machine, as the server sees it: it connects from this loopback address
     * ({@code 127.0.0.2}, ...; all of {@code 127.0.0.0/8} is this host), where every other client
     * connects from {@code 127.0.0.1}. The application trusts no forwarding headers.
     */
    public Http browserAt(String loopbackAddress) {
        try {
            return new Http(port, true, java.net.InetAddress.getByName(loopbackAddress));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(loopbackAddress, e);
        }
    }

    /** Sends a prepared request (for multipart bodies and other special cases). */
    public Response send(HttpRequest.Builder request, String path) {
        return send(request.uri(uri(path)));
    }

    public Http(int port) {
        this(() -> port);
    }

    public String base() {
        return "http://127.0.0.1:" + port.getAsInt();
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** The body of a successful GET as bytes (images), failing the test on any other status. */
    public byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response request(String method, String path) {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Posts a form as a browser does ({@code application/x-www-form-urlencoded}), with extra headers. */
    public Response postForm(String path, Map<String, String> fields, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields), StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    public Response postRaw(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public static Map<String, String> form(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base() + path);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its page parsed the way a reader's browser would. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The redirect target as a path ("/world/defense/..."), whether the server sent it absolute or not. */
        public String location() {
            String location = header("Location");
            return location == null
                    ? null
                    : URI.create(location).getRawPath()
                            + (URI.create(location).getRawQuery() == null
                                    ? ""
                                    : "?" + URI.create(location).getRawQuery())
                            + (URI.create(location).getRawFragment() == null
                                    ? ""
                                    : "#" + URI.create(location).getRawFragment());
        }

        public Document page() {
            return Jsoup.parse(raw.body(), raw.uri().toString());
        }
    }
}
