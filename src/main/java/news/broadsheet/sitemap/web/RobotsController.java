package news.broadsheet.sitemap.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import news.broadsheet.shared.SiteSettings;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /robots.txt}: crawlers may read the whole public site but not the newsroom, the sign-in
 * page or search result pages, and learn where the sitemaps are.
 */
@RestController
class RobotsController {

    private final SiteSettings site;

    RobotsController(SiteSettings site) {
        this.site = site;
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        // "/login" and "/search" end in "$" or a "?" (RFC 9309 matches prefixes), so that a section
        // whose address merely starts with those letters, such as /searchlight, stays crawlable.
        String robots = """
                User-agent: *
                Allow: /
                Disallow: /admin/
                Disallow: /login$
                Disallow: /login?
                Disallow: /search$
                Disallow: /search?
                Disallow: /search/

                Sitemap: %s
                Sitemap: %s
                """.formatted(site.absolute("/sitemap.xml"), site.absolute("/sitemaps/news.xml"));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(robots);
    }
}
