package news.broadsheet.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

class AssetsInMemoryTests {

    /** An asset that counts how often it is read, as one inside the packaged jar is inflated each time. */
    static final class CountedAsset extends AbstractResource implements HttpResource {
        final byte[] bytes;
        final AtomicInteger reads = new AtomicInteger();

        CountedAsset(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public InputStream getInputStream() {
            reads.incrementAndGet();
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public long lastModified() {
            return 1_764_979_200_000L;
        }

        @Override
        public String getFilename() {
            return "site-0123456789abcdef0123456789abcdef.css";
        }

        @Override
        public String getDescription() {
            return "counted asset";
        }

        @Override
        public HttpHeaders getResponseHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.setETag("\"0123456789abcdef0123456789abcdef\"");
            return headers;
        }
    }

    private static ResourceResolverChain chainGiving(@Nullable Resource resource) {
        return new ResourceResolverChain() {
            @Override
            public @Nullable Resource resolveResource(
                    jakarta.servlet.http.@Nullable HttpServletRequest request,
                    String requestPath,
                    List<? extends Resource> locations) {
                return resource;
            }

            @Override
            public @Nullable String resolveUrlPath(String resourcePath, List<? extends Resource> locations) {
                return resourcePath;
            }
        };
    }

    private static final ResourceResolver RESOLVER = new AssetsInMemory();

    @Test
    void readsAnAssetOnceHoweverOftenItIsServedAndKeepsWhatTheHandlerAsksOfIt() throws IOException {
        CountedAsset original = new CountedAsset("body { margin: 0 }".getBytes(StandardCharsets.UTF_8));

        Resource kept = RESOLVER.resolveResource(null, "css/site.css", List.of(), chainGiving(original));
        for (int time = 0; time < 3; time++) {
            try (InputStream in = kept.getInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(original.bytes);
            }
        }

        assertThat(original.reads).hasValue(1);
        assertThat(kept.contentLength()).isEqualTo(original.bytes.length);
        assertThat(kept.getFilename()).isEqualTo(original.getFilename());
        assertThat(kept.lastModified()).isEqualTo(original.lastModified());
        assertThat(((HttpResource) kept).getResponseHeaders().getETag())
                .isEqualTo("\"0123456789abcdef0123456789abcdef\"");
    }

    @Test
    void leavesAMissingAssetMissingAndALargeOneWhereItIs() {
        assertThat(RESOLVER.resolveResource(null, "css/gone.css", List.of(), chainGiving(null)))
                .isNull();

        CountedAsset large = new CountedAsset(new byte[AssetsInMemory.MAX_BYTES + 1]);
        assertThat(RESOLVER.resolveResource(null, "video.webm", List.of(), chainGiving(large)))
                .isSameAs(large);
        assertThat(large.reads).hasValue(0);
    }
}
