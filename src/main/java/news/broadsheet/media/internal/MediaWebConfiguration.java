package news.broadsheet.media.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Serves the image files under {@code /media}, cacheable for a year because a name never changes.
 * Like {@code /assets}, the handler runs before controllers (order -1): article addresses are
 * matched by a catch-all route.
 */
@Configuration(proxyBeanMethods = false)
class MediaWebConfiguration implements WebMvcConfigurer {

    private final MediaFiles files;

    MediaWebConfiguration(MediaFiles files) {
        this.files = files;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.setOrder(-1);
        registry.addResourceHandler(MediaFiles.URL_PREFIX + "**")
                .addResourceLocations(new FileSystemResource(files.root().toString() + "/"))
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                // No resolution cache: it would grow with every image ever requested.
                .resourceChain(false)
                .addResolver(new MediaNamesOnly());
    }

    /**
     * Resolves only names the library writes ({@code 2026/05/<hex>-960.jpg}): no dot segments, no
     * temporary files, nothing else that happens to sit in the folder.
     */
    static final class MediaNamesOnly extends AbstractResourceResolver {

        @Override
        protected @Nullable Resource resolveResourceInternal(
                @Nullable HttpServletRequest request,
                String requestPath,
                List<? extends Resource> locations,
                ResourceResolverChain chain) {
            return MediaFiles.NAME.matcher(requestPath).matches()
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
