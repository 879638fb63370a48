CREATE TABLE author (
    id ${id},
    slug VARCHAR(100) NOT NULL UNIQUE,
    name VARCHAR(200) NOT NULL,
    bio TEXT NOT NULL
);
