package news.broadsheet.media.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.broadsheet.media.ImageCrop;
import news.broadsheet.media.ImageVariant;
import news.broadsheet.media.StoredImage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** SQL for the {@code image}, {@code image_variant} and {@code image_crop} tables. */
@Repository
public class ImageRepository {

    /** The crop rules images stored now follow (see {@code image.crops_version}). */
    static final int CROPS_VERSION = 1;

    private final JdbcClient jdbc;

    ImageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the image and its variants together, and returns its id. */
    @Transactional
    public long insert(NewImage image) {
        long id = jdbc.sql("""
                        INSERT INTO image (original_filename, content_type, width, height, alt_text, caption, credit,
                                           uploaded_by, created_at, crops_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        image.originalFilename(),
                        image.contentType(),
                        image.width(),
                        image.height(),
                        image.altText(),
                        image.caption(),
                        image.credit(),
                        image.uploadedBy(),
                        image.createdAt(),
                        CROPS_VERSION)
                .query(Long.class)
                .single();
        for (NewImage.VariantFile variant : image.variants()) {
            jdbc.sql("INSERT INTO image_variant (image_id, width, height, path) VALUES (?, ?, ?, ?)")
                    .params(id, variant.width(), variant.height(), variant.name())
                    .update();
        }
        insertCrops(id, image.crops());
        return id;
    }

    private void insertCrops(long id, List<NewImage.CropFile> crops) {
        for (NewImage.CropFile crop : crops) {
            jdbc.sql("INSERT INTO image_crop (image_id, ratio, width, height, path) VALUES (?, ?, ?, ?, ?)")
                    .params(id, crop.ratio(), crop.width(), crop.height(), crop.name())
                    .update();
        }
    }

    /** Images stored before crops existed (or under older crop rules), oldest first. */
    public List<Long> findUncropped(int limit) {
        return jdbc.sql("SELECT id FROM image WHERE crops_version < :version ORDER BY id LIMIT :limit")
                .param("version", CROPS_VERSION)
                .param("limit", limit)
                .query((rs, n) -> rs.getLong("id"))
                .list();
    }

    /** The file name of an image's widest variant, the best source left for cropping it. */
    public Optional<String> findLargestVariantPath(long id) {
        return jdbc.sql("SELECT path FROM image_variant WHERE image_id = ? ORDER BY width DESC LIMIT 1")
                .param(id)
                .query(String.class)
                .optional();
    }

    /**
     * Records an existing image's crops, unless another node (or an earlier run) got there first.
     *
     * @return false when the image was already cropped or is gone: the caller's files are unused
     */
    @Transactional
    public boolean recordCrops(long id, List<NewImage.CropFile> crops) {
        int claimed = jdbc.sql("UPDATE image SET crops_version = ? WHERE id = ? AND crops_version < ?")
                .params(CROPS_VERSION, id, CROPS_VERSION)
                .update();
        if (claimed == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM image_crop WHERE image_id = ?").param(id).update();
        insertCrops(id, crops);
        return true;
    }

    private Map<Long, List<ImageCrop>> findCrops(Collection<Long> ids) {
        record Row(long imageId, ImageCrop crop) {}
        Map<Long, List<ImageCrop>> crops = new HashMap<>();
        jdbc.sql("SELECT image_id, ratio, width, height, path FROM image_crop WHERE image_id IN (:ids)")
                .param("ids", new LinkedHashSet<>(ids))
                .query((rs, n) -> new Row(
                        rs.getLong("image_id"),
                        new ImageCrop(
                                rs.getString("ratio"),
                                rs.getInt("width"),
                                rs.getInt("height"),
                                MediaFiles.url(rs.getString("path")))))
                .list()
                .forEach(row -> crops.computeIfAbsent(row.imageId(), k -> new ArrayList<>())
                        .add(row.crop()));
        return crops;
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
        List<ImageCrop> crops = findCrops(List.of(id)).getOrDefault(id, List.of());
        return jdbc.sql("SELECT id, alt_text, caption, credit FROM image WHERE id = ?")
                .param(id)
                .query((rs, n) -> new StoredImage(
                        rs.getLong("id"),
                        rs.getString("alt_text"),
                        rs.getString("caption"),
                        rs.getString("credit"),
                        largest.width(),
                        largest.height(),
                        variants,
                        crops))
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
        Map<Long, List<ImageCrop>> crops = findCrops(byImage.keySet());
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
                            variants.stream().map(Row::variant).toList(),
                            crops.getOrDefault(id, List.of())));
        });
        return images;
    }

    public boolean isUploadedBy(long id, long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM image WHERE id = ? AND uploaded_by = ?")
                        .params(id, accountId)
                        .query(Long.class)
                        .single()
                > 0;
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
