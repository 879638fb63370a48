package news.broadsheet.media.internal;

import java.util.List;
import java.util.Optional;
import news.broadsheet.media.ImageVariant;
import news.broadsheet.media.StoredImage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** SQL for the {@code image} and {@code image_variant} tables. */
@Repository
public class ImageRepository {

    private final JdbcClient jdbc;

    ImageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the image and its variants together, and returns its id. */
    @Transactional
    public long insert(NewImage image) {
        long id = jdbc.sql("""
                        INSERT INTO image (original_filename, content_type, width, height, alt_text, caption, credit,
                                           uploaded_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        image.originalFilename(),
                        image.contentType(),
                        image.width(),
                        image.height(),
                        image.altText(),
                        image.caption(),
                        image.credit(),
                        image.uploadedBy(),
                        image.createdAt())
                .query(Long.class)
                .single();
        for (NewImage.VariantFile variant : image.variants()) {
            jdbc.sql("INSERT INTO image_variant (image_id, width, height, path) VALUES (?, ?, ?, ?)")
                    .params(id, variant.width(), variant.height(), variant.name())
                    .update();
        }
        return id;
    }

    public Optional<StoredImage> findById(long id) {
        List<ImageVariant> variants = jdbc.sql(
                        "SELECT width, height, path FROM image_variant WHERE image_id = ? ORDER BY width")
                .param(id)
                .query((rs, n) ->
                        new ImageVariant(rs.getInt("width"), rs.getInt("height"), MediaFiles.url(rs.getString("path"))))
                .list();
        if (variants.isEmpty()) {
            return Optional.empty();
        }
        ImageVariant largest = variants.getLast();
        return jdbc.sql("SELECT id, alt_text, caption, credit FROM image WHERE id = ?")
                .param(id)
                .query((rs, n) -> new StoredImage(
                        rs.getLong("id"),
                        rs.getString("alt_text"),
                        rs.getString("caption"),
                        rs.getString("credit"),
                        largest.width(),
                        largest.height(),
                        variants))
                .optional();
    }
}
