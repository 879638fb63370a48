package news.broadsheet.site.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import news.broadsheet.shared.SecurityHeaders;
import news.broadsheet.site.web.ErrorPage;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Makes the requests Tomcat refuses before the application sees them (malformed escapes, encoded
 * slashes) end in plain, friendly pages too, instead of Tomcat's own report page; under {@code /api}
 * they end in problem details, as the API's clients expect. Sizes the per-connection write buffer
 * ({@code broadsheet.server.write-buffer}).
 */
@Component
class TomcatConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final DataSize writeBuffer;

    TomcatConfiguration(@Value("${broadsheet.server.write-buffer:48KB}") DataSize writeBuffer) {
        if (writeBuffer.toBytes() < 8192 || writeBuffer.toBytes() > 1024 * 1024) {
            throw new IllegalArgumentException(
                    "broadsheet.server.write-buffer must be between 8KB and 1MB, not " + writeBuffer);
        }
        this.writeBuffer = writeBuffer;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // An encoded slash or backslash reaches the application, which answers it with its own 404 page.
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            // Tomcat copies a response through an 8 KB buffer per connection, one write(2) per 8 KB:
            // a 36 KB page took five. At 48 KB an uncompressed article page with its headers goes in
            // one write (any compressed page already did at 32 KB). Measured with wrk on a cached
            // article page: 17,500 requests/s at 8 KB, 22,000-23,000 at 32 KB, 26,100-26,400 at 48 KB
            // (as at 64 KB). It costs that much heap per open connection.
            connector.setProperty("socket.appWriteBufSize", Long.toString(writeBuffer.toBytes()));
        });
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(PlainErrorReportValve.class.getName());
            }
        });
    }

    /** Tomcat's last-resort error page: no inline style, no server details, the status in words. */
    public static class PlainErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String uri = request.getRequestURI();
            if (uri != null && (uri.equals("/api") || uri.startsWith("/api/"))) {
                problem(request, response, status);
                return;
            }
            // The site's own words where they fit a page Tomcat writes (a request it refused, or an
            // error page that itself failed, as during a busy database); otherwise plain ones.
            HttpStatus known = HttpStatus.resolve(status);
            ErrorPage words = known == HttpStatus.SERVICE_UNAVAILABLE || known == HttpStatus.TOO_MANY_REQUESTS
                    ? ErrorPage.of(known)
                    : null;
            String heading = words != null
                    ? words.heading()
                    : status < 500 ? "Something is wrong with that request" : "Something went wrong on our side";
            String explanation = words != null ? words.explanation() : "Please check the address and try again.";
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding(StandardCharsets.UTF_8);
                response.setHeader("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
                response.setHeader("X-Content-Type-Options", "nosniff");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                            + "<title>" + heading + "</title></head><body><main><h1>" + heading + "</h1>"
                            + "<p>" + explanation + "</p><p><a href=\"/\">Go to the front page</a></p>"
                            + "<p>Error " + status + "</p></main></body></html>");
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response is committed; nothing more can be said.
            }
        }

        /**
         * The API's clients read problem details (RFC 9457), never HTML; the type is relative, as
         * this valve does not know the site's address.
         */
        private static void problem(Request request, Response response, int status) {
            String type = switch (status) {
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 413 -> "content-too-large";
                default -> status < 500 ? "bad-request" : "server-error";
            };
            HttpStatus known = HttpStatus.resolve(status);
            String detail = status < 500
                    ? "The request is malformed: check the address, its escapes and its length."
                    : "Something went wrong on our side; please try again later.";
            String body = "{\"type\":\"/api/v1/docs#problem-" + type + "\",\"title\":\""
                    + (known == null ? "Error" : known.getReasonPhrase()) + "\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8);
                response.setHeader("Cache-Control", "no-store");
                response.setHeader("X-Content-Type-Options", "nosniff");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response is committed; nothing more can be said.
            }
        }
    }
}
