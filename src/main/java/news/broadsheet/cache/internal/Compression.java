package news.broadsheet.cache.internal;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compresses a response once, when it is cached, so every reader after that gets the compressed bytes
 * for free: gzip at its best level and Brotli at a quality that still takes about a millisecond for a
 * story page. Brotli needs its native library; where it has none for this platform, responses are
 * offered in gzip only.
 */
final class Compression {

    private static final Logger log = LoggerFactory.getLogger(Compression.class);

    /** Below this, compressing costs more than it saves; such responses are sent as they are. */
    static final int MIN_SIZE = 512;

    private static final int BROTLI_QUALITY = 8;
    private static final boolean BROTLI = brotliAvailable();

    private Compression() {}

    static byte @Nullable [] gzip(byte[] body) {
        if (body.length < MIN_SIZE) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte @Nullable [] brotli(byte[] body) {
        if (!BROTLI || body.length < MIN_SIZE) {
            return null;
        }
        try {
            return Encoder.compress(body, new Encoder.Parameters().setQuality(BROTLI_QUALITY));
        } catch (IOException | RuntimeException e) {
            log.warn("Brotli compression failed; the response is offered in gzip only: {}", e.toString());
            return null;
        }
    }

    static boolean brotliAvailable() {
        try {
            Brotli4jLoader.ensureAvailability();
            return true;
        } catch (Throwable e) {
            log.info(
                    "Brotli is not available on this platform; cached responses are offered in gzip: {}", e.toString());
            return false;
        }
    }
}
