package news.broadsheet.site.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns once at start-up when the site's public address still points at this machine while the
 * server answers beyond it: feeds, sitemaps, e-mails and canonical links would send readers to
 * localhost.
 */
@Component
class BaseUrlWarning {

    private static final Logger log = LoggerFactory.getLogger(BaseUrlWarning.class);

    private final SiteSettings site;
    private final @Nullable String serverAddress;

    BaseUrlWarning(SiteSettings site, @Value("${server.address:#{null}}") @Nullable String serverAddress) {
        this.site = site;
        this.serverAddress = serverAddress;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfLocal() {
        if (isLoopback(hostOf(site.baseUrl())) && !isLoopback(serverAddress)) {
            log.warn(
                    "broadsheet.site.base-url is {} but the server listens on {}: links in feeds, sitemaps,"
                            + " e-mails and canonical links will point at this machine. Set broadsheet.site.base-url"
                            + " (BROADSHEET_SITE_BASE_URL) to the site's public address, such as https://news.example.com.",
                    site.baseUrl(),
                    serverAddress == null ? "every network interface" : serverAddress);
        }
    }

    private static @Nullable String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isLoopback(@Nullable String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replaceAll("^\\[|]$", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
