-- Images uploaded by the newsroom. The pixels live in files under <data-dir>/media, one per
-- variant width; these rows say what the image shows, who sent it and where its files are.
CREATE TABLE image (
    id ${id},
    -- The name on the uploader's computer, for the newsroom only; never used to name a file.
    original_filename VARCHAR(255) NOT NULL,
    -- Of the upload, as read from its bytes (variants are JPEG or PNG).
    content_type VARCHAR(40) NOT NULL,
    -- Of the upload, the right way up.
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    alt_text VARCHAR(300) NOT NULL,
    caption VARCHAR(500) NOT NULL,
    credit VARCHAR(200) NOT NULL,
    -- The account that uploaded it. No foreign key: the media tables stand on their own.
    uploaded_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE image_variant (
    image_id BIGINT NOT NULL REFERENCES image (id) ON DELETE CASCADE,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    -- Relative to <data-dir>/media, for example 2026/05/3f9c0a17d2e4b6c8-960.jpg.
    path VARCHAR(200) NOT NULL,
    PRIMARY KEY (image_id, width)
);
