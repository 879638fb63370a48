package news.broadsheet.site.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import news.broadsheet.shared.RateLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Serves static assets under {@code /assets} with content-hashed names, cacheable for a year.
 * The handler runs before controllers, because section and article addresses are matched by a
 * catch-all route.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /**
     * Per-client limits on search, suggestions and the API, right after the page cache (whose hits
     * are never limited) and before security or any other work.
     */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimits(
            RateLimits limits,
            @Value("${broadsheet.rate-limit.search-per-minute:60}") int search,
            @Value("${broadsheet.rate-limit.suggest-per-minute:300}") int suggest,
            @Value("${broadsheet.rate-limit.api-per-minute:600}") int api) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limits, search, suggest, api));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/search", "/search/suggest", "/api/*");
        return registration;
    }

    /** Right after the rate limits: a NUL in a parameter is a 400 before any handler sees it. */
    @Bean
    FilterRegistrationBean<NulCharacterFilter> nulCharacters() {
        FilterRegistrationBean<NulCharacterFilter> registration =
                new FilterRegistrationBean<>(new NulCharacterFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.setOrder(-1);
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                // The content hash the name carries is also the ETag: a browser revalidating with
                // it (If-None-Match) gets 304 rather than the file again.
                .setEtagGenerator(WebConfiguration::etagOf)
                .resourceChain(true)
                .addResolver(new AssetsInMemory())
                .addResolver(new HashedNamesOnly())
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

    private static @Nullable String etagOf(Resource asset) {
        return asset instanceof HttpResource http ? http.getResponseHeaders().getETag() : null;
    }

    /**
     * A field sent twice where one value is expected is refused (a binding error, so 400 or the
     * form's "please check this field") instead of being joined with commas: a browser never sends
     * one text field twice, and a reader's text must not be silently changed. Fields meant to repeat
     * (ticked checkboxes) are bound to lists and arrays, which this does not touch.
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String[].class, String.class, values -> {
            if (values.length != 1) {
                throw new IllegalArgumentException("Expected one value, got " + values.length);
            }
            return values[0];
        });
    }

    /**
     * Serves assets only under their content-hashed names: an unhashed name would otherwise be
     * cached for a year and never see a change.
     */
    static final class HashedNamesOnly extends AbstractResourceResolver {

        private static final Pattern HASHED = Pattern.compile(".*-[0-9a-f]{32}\\.[a-z0-9]+");

        @Override
        protected @Nullable Resource resolveResourceInternal(
                @Nullable HttpServletRequest request,
                String requestPath,
                List<? extends Resource> locations,
                ResourceResolverChain chain) {
            return HASHED.matcher(requestPath).matches()
                    ? chain.resolveResource(request, requestPath, locations)
                    : null;
        }

        @Override
        protected @Nullable String resolveUrlPathInternal(
                String resourceUrlPath, List<? extends Resource> locations, ResourceResolverChain chain) {
            return chain.resolveUrlPath(resourceUrlPath, locations);
        }
    }
}
