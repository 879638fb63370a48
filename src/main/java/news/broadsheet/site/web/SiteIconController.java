package news.broadsheet.site.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.broadsheet.shared.SiteSettings;
import news.broadsheet.site.internal.SiteCard;
import news.broadsheet.site.internal.SiteIcon;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * The addresses browsers and home screens ask for by convention, so they cannot be content-hashed:
 * {@code /favicon.ico}, {@code /apple-touch-icon.png}, the manifest's PNG icons, the web app
 * manifest itself and the link-preview card {@code /site-card.png} (named in pages' {@code og:image}). They are cached for a week (the manifest for a day, as it carries the site's name).
 */
@Controller
class SiteIconController {

    static final MediaType ICO = MediaType.parseMediaType("image/x-icon");
    static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");
    private static final CacheControl A_WEEK =
            CacheControl.maxAge(Duration.ofDays(7)).cachePublic();
    private static final CacheControl A_DAY =
            CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
    private static final String SVG_ICON = "/assets/img/icon.svg";

    /**
     * The link-preview card changes only with the site's name, which changes about never; link
     * previews are fetched by crawlers that cache on their own terms anyway.
     */
    private static final CacheControl A_MONTH =
            CacheControl.maxAge(Duration.ofDays(30)).cachePublic();

    private final SiteIcon icon;
    private final SiteCard card;
    private final SiteSettings site;
    private final ResourceUrlProvider resourceUrls;
    private final JsonMapper json;

    SiteIconController(
            SiteIcon icon, SiteCard card, SiteSettings site, ResourceUrlProvider resourceUrls, JsonMapper json) {
        this.icon = icon;
        this.card = card;
        this.site = site;
        this.resourceUrls = resourceUrls;
        this.json = json;
    }

    @GetMapping("/favicon.ico")
    ResponseEntity<byte[]> favicon() {
        return ResponseEntity.ok().contentType(ICO).cacheControl(A_WEEK).body(icon.ico());
    }

    @GetMapping("/apple-touch-icon.png")
    ResponseEntity<byte[]> appleTouchIcon() {
        return png(180);
    }

    @GetMapping("/icon-192.png")
    ResponseEntity<byte[]> icon192() {
        return png(192);
    }

    @GetMapping("/icon-512.png")
    ResponseEntity<byte[]> icon512() {
        return png(512);
    }

    /** The link-preview picture of pages without their own (PageHeads names this address). */
    @GetMapping("/site-card.png")
    ResponseEntity<byte[]> siteCard() {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(A_MONTH)
                .body(card.png());
    }

    @GetMapping("/site.webmanifest")
    ResponseEntity<String> manifest() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", site.name());
        manifest.put("short_name", site.name());
        manifest.put("lang", site.language());
        manifest.put("start_url", "/");
        manifest.put("scope", "/");
        manifest.put("display", "browser");
        manifest.put("background_color", "#fdfcf9");
        manifest.put("theme_color", "#8a1c1c");
        manifest.put(
                "icons",
                List.of(
                        Map.of("src", svgIconUrl(), "type", "image/svg+xml", "sizes", "any"),
                        Map.of("src", "/icon-192.png", "type", "image/png", "sizes", "192x192"),
                        Map.of("src", "/icon-512.png", "type", "image/png", "sizes", "512x512")));
        return ResponseEntity.ok().contentType(MANIFEST).cacheControl(A_DAY).body(json.writeValueAsString(manifest));
    }

    private ResponseEntity<byte[]> png(int size) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(A_WEEK)
                .body(icon.png(size));
    }

    private String svgIconUrl() {
        String url = resourceUrls.getForLookupPath(SVG_ICON);
        return url != null ? url : SVG_ICON;
    }
}
