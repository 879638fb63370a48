-- Crops of each image at the aspect ratios search engines ask for (16:9, 4:3, 1:1), cut from the
-- centre and never enlarged. An image too small for a ratio has no row for it.
CREATE TABLE image_crop (
    image_id BIGINT NOT NULL REFERENCES image (id) ON DELETE CASCADE,
    -- 16x9, 4x3 or 1x1.
    ratio VARCHAR(8) NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    -- Relative to <data-dir>/media, for example 2026/05/3f9c0a17d2e4b6c8-16x9.jpg.
    path VARCHAR(200) NOT NULL,
    PRIMARY KEY (image_id, ratio)
);

-- Which crop rules an image's crops follow: 0 for images stored before crops existed, which the
-- start-up backfill crops from their largest variant and then sets to 1.
ALTER TABLE image ADD COLUMN crops_version INTEGER NOT NULL DEFAULT 0;

CREATE INDEX image_crops_version ON image (crops_version);
