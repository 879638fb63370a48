-- Newsroom accounts. An account may later be linked to the author it writes as.
CREATE TABLE account (
    id ${id},
    username VARCHAR(60) NOT NULL UNIQUE,
    display_name VARCHAR(120) NOT NULL,
    email VARCHAR(254) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role VARCHAR(20) NOT NULL CHECK (role IN ('admin', 'editor', 'reporter', 'moderator')),
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    author_id BIGINT REFERENCES author (id),
    created_at BIGINT NOT NULL,
    password_changed_at BIGINT NOT NULL
);

-- Failed sign-ins per key (a username, or a client address hash), shared by every node.
CREATE TABLE login_throttle (
    throttle_key VARCHAR(200) PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_started_at BIGINT NOT NULL,
    locked_until BIGINT
);

-- Spring Session JDBC: sign-in sessions in the database, so any node can serve any request.
CREATE TABLE spring_session (
    primary_id CHAR(36) NOT NULL PRIMARY KEY,
    session_id CHAR(36) NOT NULL UNIQUE,
    creation_time BIGINT NOT NULL,
    last_access_time BIGINT NOT NULL,
    max_inactive_interval INTEGER NOT NULL,
    expiry_time BIGINT NOT NULL,
    principal_name VARCHAR(100)
);

CREATE INDEX spring_session_expiry ON spring_session (expiry_time);
CREATE INDEX spring_session_principal ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36) NOT NULL REFERENCES spring_session (primary_id) ON DELETE CASCADE,
    attribute_name VARCHAR(200) NOT NULL,
    attribute_bytes ${blob} NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);
