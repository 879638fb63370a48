package news.broadsheet.shared;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Site-wide settings under {@code broadsheet.site}.
 *
 * @param name the publication's name, shown in the masthead and page titles
 * @param timeZone the newsroom's time zone: dates in article URLs and on pages are in this zone
 * @param baseUrl the site's public address (no trailing slash), for links that leave the site:
 *     e-mails, feeds, sitemaps, canonical links and structured data
 * @param language the language the publication writes in, as a BCP 47 tag such as {@code en}
 */
@ConfigurationProperties("broadsheet.site")
public record SiteSettings(
        @DefaultValue("Broadsheet") String name,
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("en") String language) {

    /** The absolute address of a site path such as {@code /world/defense}. */
    public String absolute(String path) {
        return path.startsWith("/") ? baseUrl + path : baseUrl + "/" + path;
    }
}
