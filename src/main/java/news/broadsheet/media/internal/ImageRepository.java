package news.broadsheet.media.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    /** Several images with their variants in one query, for lists; missing ids are left out. */
    public Map<Long, StoredImage> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        record Row(long id, String altText, String caption, String credit, ImageVariant variant) {}
        List<Row> rows = jdbc.sql(
                        "SELECT i.id, i.alt_text, i.caption, i.credit, v.width, v.height, v.path"
                                + " FROM image i JOIN image_variant v ON v.image_id = i.id WHERE i.id IN (:ids) ORDER BY i.id, v.width")
                .param("ids", new LinkedHashSet<>(ids))
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("alt_text"),
                        rs.getString("caption"),
                        rs.getString("credit"),
                        new ImageVariant(
                                rs.getInt("width"), rs.getInt("height"), MediaFiles.url(rs.getString("path")))))
                .list();
        Map<Long, List<Row>> byImage = new LinkedHashMap<>();
        rows.forEach(row ->
                byImage.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row));
        Map<Long, StoredImage> images = new HashMap<>();
        byImage.forEach((id, variants) -> {
            Row first = variants.getFirst();
            ImageVariant largest = variants.getLast().variant();
            images.put(
                    id,
                    new StoredImage(
                            id,
                            first.altText(),
                            first.caption(),
                            first.credit(),
                            largest.width(),
                            largest.height(),
                            variants.stream().map(Row::variant).toList()));
        });
        return images;
    }

    public long findMaxId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM image")
                .query(Long.class)
                .single();
    }

    /** Upload details of at most {@code limit} images with ids in (afterId, upToId], in id order. */
    public List<Upload> findUploads(long afterId, long upToId, int limit) {
        return jdbc.sql("SELECT id, original_filename, content_type, created_at FROM image"
                        + " WHERE id > :after AND id <= :upTo ORDER BY id LIMIT :limit")
                .param("after", afterId)
                .param("upTo", upToId)
                .param("limit", limit)
                .query((rs, n) -> new Upload(
                        rs.getLong("id"),
                        rs.getString("original_filename"),
                        rs.getString("content_type"),
                        java.time.Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
    }

    public record Upload(long id, String originalFilename, String contentType, java.time.Instant uploadedAt) {}
}
