-- Who did what, when: publishing, scheduling, embargoes, corrections, role changes, sign-ins.
CREATE TABLE audit_event (
    id ${id},
    occurred_at BIGINT NOT NULL,
    actor_id BIGINT,
    actor_name VARCHAR(120) NOT NULL,
    action VARCHAR(60) NOT NULL,
    subject_type VARCHAR(40) NOT NULL,
    subject_id BIGINT,
    detail VARCHAR(1000) NOT NULL
);

CREATE INDEX audit_event_newest ON audit_event (occurred_at, id);
CREATE INDEX audit_event_by_action ON audit_event (action, occurred_at);
