-- 835 files that were refused (issue 4 review screens): one row per attempt, whatever the source
-- (command line, file chooser, drag and drop, inbox). Kept in the database rather than only in the
-- inbox's rejected/ folder so the review screen lists every refusal, including CLI and chooser imports.
-- problems holds the clerk-readable messages (they may quote file values, so they stay in the
-- database and are never copied into logs or journal payloads).
CREATE TABLE remit_rejection (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    file_name      VARCHAR(255)  NOT NULL,
    sha256         CHAR(64),
    size_bytes     BIGINT,
    source         VARCHAR(20)   NOT NULL,
    attempted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    attempted_by   VARCHAR(60)   NOT NULL,
    problem_count  INT           NOT NULL,
    problems       CLOB          NOT NULL
);
CREATE INDEX remit_rejection_attempted ON remit_rejection (attempted_at);
