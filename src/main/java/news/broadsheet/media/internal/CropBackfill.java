package news.broadsheet.media.internal;

import news.broadsheet.media.MediaLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once per start, crops the images stored before crops existed, in the background so start-up
 * does not wait. When every image is cropped this is one indexed query; it is idempotent and safe
 * on several nodes at once (see {@link MediaLibrary#cropUncroppedImages()}).
 */
@Component
class CropBackfill {

    private static final Logger log = LoggerFactory.getLogger(CropBackfill.class);

    private final MediaLibrary library;

    CropBackfill(MediaLibrary library) {
        this.library = library;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread.ofVirtual().name("media-crop-backfill").start(this::run);
    }

    void run() {
        try {
            int cropped = library.cropUncroppedImages();
            if (cropped > 0) {
                log.info("Cropped {} image(s) stored before crops existed", cropped);
            }
        } catch (RuntimeException e) {
            // The next start tries again; images work without crops meanwhile.
            log.warn("Cropping older images failed: {}", e.toString());
        }
    }
}
