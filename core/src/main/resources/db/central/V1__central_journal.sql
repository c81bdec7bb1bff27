-- The central journal (issue 17, docs/adr/0021-journal-sync-through-central-postgresql.md): every
-- workstation's events, each once (event_id), in the order they were accepted (central_seq).

CREATE TABLE workstation (
    workstation_id  UUID PRIMARY KEY,
    name            TEXT        NOT NULL,
    pushed_seq      BIGINT      NOT NULL DEFAULT 0,   -- highest local journal seq accepted from it
    first_seen      TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_push       TIMESTAMPTZ
);

-- Pushes take a lock on this table for their whole transaction, so central_seq values become visible in
-- order and a reader's cursor (central_seq > N) never skips an event committed later with a lower number.
CREATE TABLE event (
    central_seq      BIGSERIAL PRIMARY KEY,
    event_id         UUID        NOT NULL UNIQUE,
    origin           UUID        NOT NULL REFERENCES workstation,
    origin_seq       BIGINT      NOT NULL,
    event_type       TEXT        NOT NULL,
    payload          TEXT        NOT NULL,   -- the journal payload as written
    context          TEXT,                   -- what another workstation needs to apply it, added at push
    user_name        TEXT        NOT NULL,
    workstation_name TEXT        NOT NULL,
    occurred_at      TIMESTAMPTZ NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (origin, origin_seq)
);

-- Original files (835s) an event refers to, by SHA-256, so another workstation can import the same bytes.
CREATE TABLE blob (
    sha256  CHAR(64) PRIMARY KEY,
    bytes   BYTEA    NOT NULL
);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER blob_append_only BEFORE UPDATE OR DELETE ON blob FOR EACH ROW EXECUTE FUNCTION refuse_change();
