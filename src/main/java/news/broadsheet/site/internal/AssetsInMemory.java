package news.broadsheet.site.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Keeps each static asset's bytes in memory once it is first asked for. Packaged, the assets sit
 * compressed inside the jar's nested jar, and reading one meant opening and inflating it on every
 * request; a site without a CDN in front serves them thousands of times a minute. The assets are a
 * few tens of kilobytes and never change while the application runs (their names carry their
 * content's hash), and the chain's cache in front of this resolver keeps what it returns.
 */
final class AssetsInMemory extends AbstractResourceResolver {

    /** Larger files (none today) are served from where they are rather than held. */
    static final int MAX_BYTES = 1 << 20;

    @Override
    protected @Nullable Resource resolveResourceInternal(
            @Nullable HttpServletRequest request,
            String requestPath,
            List<? extends Resource> locations,
            ResourceResolverChain chain) {
        Resource resource = chain.resolveResource(request, requestPath, locations);
        if (resource == null) {
            return null;
        }
        try {
            if (resource.contentLength() > MAX_BYTES) {
                return resource;
            }
            return new Kept(resource);
        } catch (IOException e) {
            // Unreadable now: the handler reads it itself and answers as it would without this.
            return resource;
        }
    }

    @Override
    protected @Nullable String resolveUrlPathInternal(
            String resourceUrlPath, List<? extends Resource> locations, ResourceResolverChain chain) {
        return chain.resolveUrlPath(resourceUrlPath, locations);
    }

    /** An asset's bytes, with what the handler asks of the original: name, time, headers. */
    static final class Kept extends ByteArrayResource implements HttpResource {

        private final @Nullable String filename;
        private final long lastModified;
        private final HttpHeaders headers;

        Kept(Resource original) throws IOException {
            super(original.getContentAsByteArray(), original.getDescription());
            this.filename = original.getFilename();
            this.lastModified = original.lastModified();
            this.headers = original instanceof HttpResource http ? http.getResponseHeaders() : new HttpHeaders();
        }

        @Override
        public @Nullable String getFilename() {
            return filename;
        }

        @Override
        public long lastModified() {
            return lastModified;
        }

        @Override
        public HttpHeaders getResponseHeaders() {
            return headers;
        }
    }
}
