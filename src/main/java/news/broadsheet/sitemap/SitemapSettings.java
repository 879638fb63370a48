package news.broadsheet.sitemap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sitemap settings under {@code broadsheet.sitemaps}.
 *
 * @param urlsPerFile how many story ids one article sitemap file covers, so the most addresses it
 *     lists; the protocol allows 50,000. Changing it renumbers the article files.
 */
@ConfigurationProperties("broadsheet.sitemaps")
public record SitemapSettings(@DefaultValue("50000") int urlsPerFile) {

    public SitemapSettings {
        if (urlsPerFile < 1 || urlsPerFile > 50_000) {
            throw new IllegalArgumentException(
                    "broadsheet.sitemaps.urls-per-file must be between 1 and 50000, not " + urlsPerFile);
        }
    }
}
