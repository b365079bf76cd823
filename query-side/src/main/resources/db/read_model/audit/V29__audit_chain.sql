-- The tamper-evident chain over the event store (AuditChain), in a schema of its own: unlike the read models it is
-- evidence, never rebuilt from the store it vouches for.
CREATE SCHEMA audit;

-- One entry per position of domain_event_entry, in order, none skipped: hash = SHA-256(previous hash, the event
-- row's canonical bytes), or for a position that holds no event and never will (a rolled-back transaction took it),
-- SHA-256(previous hash, gap marker, position) with event_id NULL. AuditHash documents the bytes.
CREATE TABLE audit.chain_entry (
    position   BIGINT      PRIMARY KEY,
    event_id   TEXT,
    hash       BYTEA       NOT NULL,
    chained_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The lowest missing position the chain waits at while a transaction may still hold it: when it was first seen, and
-- the transactions that were open once it had been missing for the grace period (AuditChain).
CREATE TABLE audit.chain_gap_watch (
    position   BIGINT      PRIMARY KEY,
    first_seen TIMESTAMPTZ NOT NULL,
    waits_for  xid8[]
);

-- Signed checkpoints (Ed25519), like CloudTrail's digests: each covers the positions after the previous one's up to
-- to_position, names the chain's hash there and the previous checkpoint's signature, and is signed over all of it.
CREATE TABLE audit.checkpoint (
    number             BIGINT      PRIMARY KEY,
    from_position      BIGINT      NOT NULL,
    to_position        BIGINT      NOT NULL,
    head_hash          BYTEA       NOT NULL,
    previous_signature BYTEA,
    signed_at          TIMESTAMPTZ NOT NULL,
    key_id             TEXT        NOT NULL,
    signature          BYTEA       NOT NULL
);
CREATE UNIQUE INDEX checkpoint_to ON audit.checkpoint (to_position);
