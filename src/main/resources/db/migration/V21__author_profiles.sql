-- Bylines as the newsroom manages them: a job title, a public contact address, a photo from the
-- media library, links (a website and social profiles), the staff account that writes as them,
-- and retirement or merging into another byline.
ALTER TABLE author ADD COLUMN job_title VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE author ADD COLUMN email VARCHAR(254) NOT NULL DEFAULT '';
ALTER TABLE author ADD COLUMN website VARCHAR(500) NOT NULL DEFAULT '';
-- Social profile addresses, one per line.
ALTER TABLE author ADD COLUMN profiles TEXT NOT NULL DEFAULT '';
-- An image in the media library. No foreign key: the media tables stand on their own.
ALTER TABLE author ADD COLUMN image_id BIGINT;
-- The newsroom account that writes as this byline. No foreign key: authors do not depend on accounts.
ALTER TABLE author ADD COLUMN account_id BIGINT;
ALTER TABLE author ADD COLUMN retired_at BIGINT;
-- A merged byline points at the one that took over its stories; its address redirects there.
ALTER TABLE author ADD COLUMN merged_into BIGINT REFERENCES author (id);

CREATE UNIQUE INDEX author_by_account ON author (account_id);

-- The link used to live on the account; the author module owns it from now on.
UPDATE author SET account_id = (SELECT MIN(account.id) FROM account WHERE account.author_id = author.id);

-- Old addresses of renamed bylines keep answering with a redirect.
CREATE TABLE author_retired_slug (
    slug VARCHAR(100) PRIMARY KEY,
    author_id BIGINT NOT NULL REFERENCES author (id)
);
