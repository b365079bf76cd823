-- The generations of each read model (ProjectionRebuilds). Generation 1 is the one Flyway created and has no row
-- until a rebuild retires it. A rebuild builds generation n beside the live one, in tables named <table>__g<n>, with
-- its own processor (<projection>.g<n>) and dead letters; when it has caught up it is swapped in: the read model's
-- names become views over its tables, its tokens become the live processor's, and the generation before it is
-- retired, its tables dropped after opsledger.projections.keep-retired.
CREATE TABLE read_model.projection_generation (
    projection   TEXT        NOT NULL,
    generation   INT         NOT NULL,
    state        TEXT        NOT NULL,
    tables       TEXT[]      NOT NULL,
    requested_by TEXT,
    started_at   TIMESTAMPTZ NOT NULL,
    caught_up_at TIMESTAMPTZ,
    live_since   TIMESTAMPTZ,
    retired_at   TIMESTAMPTZ,
    dropped_at   TIMESTAMPTZ,
    last_error   TEXT,
    PRIMARY KEY (projection, generation)
);
