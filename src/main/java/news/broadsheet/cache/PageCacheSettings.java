package news.broadsheet.cache;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Page cache settings under {@code broadsheet.cache}.
 *
 * @param enabled whether rendered public responses are kept and served from memory
 * @param maxSize memory for kept responses (all their variants together); least recently used go first
 * @param maxAge how long browsers may use a response without asking again (0: they revalidate
 *     with its ETag every time, a cheap 304, so a reader sees their approved comment at once)
 * @param sharedMaxAge how long shared caches (proxies, a CDN without the purge hook) may use it
 * @param staleWhileRevalidate how long after that they may show it while they ask again
 * @param staleIfError how long after that they may show it when Broadsheet answers with an error
 * @param cdnMaxAge how long a CDN may keep a response when the purge hook is configured (it is told
 *     of every change); ignored without a purge hook
 * @param keepFor the longest a response is kept before it is rendered again even if nothing it shows
 *     changed: bounds what changes by the clock alone besides schedules (comments closing by age, the
 *     news sitemap's two-day window)
 * @param pollInterval how often each node reads the change log for changes made on other nodes
 * @param purgeUrl where to send the tags of every change (a CDN's or Varnish's purge endpoint), or none
 * @param purgeMethod the HTTP method of a purge request ({@code POST} for most CDNs, {@code PURGE} for Varnish)
 * @param purgeHeader the header that carries the space-separated tags ({@code Surrogate-Key}, {@code xkey}...)
 * @param purgeAuthorization extra {@code Name: value} headers sent with every purge (an API token)
 */
@ConfigurationProperties("broadsheet.cache")
public record PageCacheSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("32MB") DataSize maxSize,
        @DefaultValue("0s") Duration maxAge,
        @DefaultValue("60s") Duration sharedMaxAge,
        @DefaultValue("60s") Duration staleWhileRevalidate,
        @DefaultValue("1d") Duration staleIfError,
        @DefaultValue("1h") Duration cdnMaxAge,
        @DefaultValue("5m") Duration keepFor,
        @DefaultValue("250ms") Duration pollInterval,
        @Nullable URI purgeUrl,
        @DefaultValue("POST") String purgeMethod,
        @DefaultValue("Surrogate-Key") String purgeHeader,
        @DefaultValue List<String> purgeAuthorization) {

    public PageCacheSettings {
        if (maxSize.toBytes() < 0) {
            throw new IllegalArgumentException("broadsheet.cache.max-size must not be negative");
        }
        if (purgeUrl != null && !"http".equals(purgeUrl.getScheme()) && !"https".equals(purgeUrl.getScheme())) {
            throw new IllegalArgumentException("broadsheet.cache.purge-url must be an http or https address");
        }
        for (String header : purgeAuthorization) {
            if (header.indexOf(':') < 1) {
                throw new IllegalArgumentException(
                        "broadsheet.cache.purge-authorization entries are 'Name: value', not " + header);
            }
        }
    }

    /** The {@code Cache-Control} of a cacheable response. */
    public String cacheControl() {
        return "public, max-age=" + maxAge.toSeconds()
                + ", s-maxage=" + (purgeUrl == null ? sharedMaxAge : cdnMaxAge).toSeconds()
                + ", stale-while-revalidate=" + staleWhileRevalidate.toSeconds()
                + ", stale-if-error=" + staleIfError.toSeconds();
    }
}
