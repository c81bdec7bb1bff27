-- PBM audit cases (DOMAIN.md §5): the request, the claims it names in the auditor's order, what was
-- sent (transmittal log, §5.5 item 5), what came back (findings) and the documents on file per line.
-- Enums are stored by name. Document files live in the data folder under documents/<sha256>.<ext>;
-- the table keeps the hash so a changed file is detectable (HIPAA integrity, §9.1).

CREATE TABLE audit_case (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    audit_id     VARCHAR(40)  NOT NULL,
    pbm_name     VARCHAR(120) NOT NULL,
    audit_type   VARCHAR(12)  NOT NULL,
    letter_date  DATE         NOT NULL,
    due_date     DATE         NOT NULL,
    contact      VARCHAR(200) NOT NULL DEFAULT '',
    status       VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(60)  NOT NULL,
    CONSTRAINT audit_case_audit_id_unique UNIQUE (audit_id)
);

-- One row per claim the auditor asked for, kept even when no stored claim matches (claim_id NULL):
-- an unknown request is an exception to explain, not a line to drop.
CREATE TABLE audit_requested_claim (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id          BIGINT      NOT NULL REFERENCES audit_case (id),
    line_no          INT         NOT NULL,
    rx_number        VARCHAR(12) NOT NULL,
    fill_number      INT         NOT NULL,
    date_of_service  DATE        NOT NULL,
    claim_id         BIGINT      REFERENCES claim (id),
    CONSTRAINT audit_line_unique UNIQUE (case_id, line_no)
);
CREATE INDEX audit_requested_claim_case ON audit_requested_claim (case_id);

CREATE TABLE audit_transmittal (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id          BIGINT       NOT NULL REFERENCES audit_case (id),
    method           VARCHAR(10)  NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    tracking_number  VARCHAR(60)  NOT NULL DEFAULT '',
    person           VARCHAR(60)  NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX audit_transmittal_case ON audit_transmittal (case_id);

CREATE TABLE audit_finding (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT        NOT NULL REFERENCES audit_case (id),
    line_no      INT           NOT NULL,
    finding      VARCHAR(1000) NOT NULL,
    recoupment   DECIMAL(15,2) NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(60)   NOT NULL
);
CREATE INDEX audit_finding_case ON audit_finding (case_id);

CREATE TABLE audit_document (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id        BIGINT       NOT NULL REFERENCES audit_case (id),
    line_no        INT          NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    content_type   VARCHAR(10)  NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    stored_path    VARCHAR(120) NOT NULL,
    original_name  VARCHAR(255) NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    attached_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    attached_by    VARCHAR(60)  NOT NULL
);
CREATE INDEX audit_document_case ON audit_document (case_id);
