-- The connector catalog as the platform reports it (projection connector-catalog-v1): version and health per name.
CREATE TABLE read_model.connector_catalog_v1 (
    name          TEXT        PRIMARY KEY,
    connector_id  TEXT        NOT NULL,
    version       TEXT        NOT NULL,
    health        TEXT        NOT NULL,
    detail        TEXT,
    observed_at   TIMESTAMPTZ NOT NULL,
    first_seen_at TIMESTAMPTZ NOT NULL
);
