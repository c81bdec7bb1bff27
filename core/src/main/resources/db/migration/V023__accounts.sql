-- Issue 16: the office's named accounts. Passwords are stored only as PBKDF2 hashes in their own
-- self-describing form (ADR 0016); changes to accounts are audited by the use cases.
CREATE TABLE account (
    name                 VARCHAR(60)  PRIMARY KEY,
    display_name         VARCHAR(120) NOT NULL,
    roles                VARCHAR(200) NOT NULL,
    active               BOOLEAN      NOT NULL,
    password_hash        VARCHAR(200) NOT NULL,
    failed_attempts      INT          NOT NULL DEFAULT 0,
    locked_until         TIMESTAMP WITH TIME ZONE,
    password_changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
