package news.broadsheet.cache.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import news.broadsheet.cache.PageCacheSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells a CDN or Varnish which cache tags changed, when {@code broadsheet.cache.purge-url} is set:
 * one request per batch of tags (CDNs accept a few hundred at a time), the tags space-separated in
 * the configured header. Sent in the background after the change committed; a failure is logged
 * and tried twice more, and the CDN's own {@code s-maxage} bounds what a lost purge can cost.
 */
@Component
class PurgeHook {

    private static final Logger log = LoggerFactory.getLogger(PurgeHook.class);
    static final int TAGS_PER_REQUEST = 256;
    private static final int ATTEMPTS = 3;

    private final PageCacheSettings settings;
    private final @Nullable HttpClient http;

    PurgeHook(PageCacheSettings settings) {
        this.settings = settings;
        this.http = settings.purgeUrl() == null
                ? null
                : HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
                        .build();
    }

    void purge(Set<String> tags) {
        URI url = settings.purgeUrl();
        if (url == null || http == null || tags.isEmpty()) {
            return;
        }
        List<String> all = new ArrayList<>(tags);
        for (int from = 0; from < all.size(); from += TAGS_PER_REQUEST) {
            String batch = String.join(" ", all.subList(from, Math.min(all.size(), from + TAGS_PER_REQUEST)));
            Thread.ofVirtual().name("cache-purge").start(() -> send(url, batch));
        }
    }

    private void send(URI url, String tags) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header(settings.purgeHeader(), tags)
                .method(settings.purgeMethod(), HttpRequest.BodyPublishers.noBody());
        for (String header : settings.purgeAuthorization()) {
            int colon = header.indexOf(':');
            request.header(
                    header.substring(0, colon).strip(),
                    header.substring(colon + 1).strip());
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() < 300) {
                    return;
                }
                log.warn("Purge of {} answered {} (attempt {})", tags, response.statusCode(), attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("Purge of {} failed (attempt {}): {}", tags, attempt, e.toString());
            }
            try {
                Thread.sleep(Duration.ofSeconds(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
