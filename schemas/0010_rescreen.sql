-- Re-screening on activation (daemon/rescreen.c): where an alert came from,
-- and one run per activation of a list version with its progress, so that a
-- restarted cordond resumes where the last one stopped.

-- origin: 'screen' (raised when the declaration was submitted) or
-- 'rescreen' (raised later, when a new list version hit what the earlier
-- screening did not).  cause says what changed, in the officers' words.
ALTER TABLE alerts
    ADD COLUMN origin text NOT NULL DEFAULT 'screen'
        CONSTRAINT alerts_origin_word CHECK (origin IN ('screen', 'rescreen')),
    ADD COLUMN rescreen_run bigint,
    ADD COLUMN cause text;

-- One row per activation: the declarations stored since <since> (rescreen_days
-- before the activation) that another version screened are screened again,
-- oldest first; (last_created_at, last_id) is the last one done.
CREATE TABLE rescreen_runs (
    id              bigserial PRIMARY KEY,
    version         text NOT NULL REFERENCES list_versions(id),
    activated_at    timestamptz NOT NULL,
    since           timestamptz NOT NULL,
    status          text NOT NULL DEFAULT 'running'
        CONSTRAINT rescreen_runs_status_word
        CHECK (status IN ('running', 'finished', 'superseded')),
    total           integer NOT NULL DEFAULT 0,
    done            integer NOT NULL DEFAULT 0,
    alerts_raised   integer NOT NULL DEFAULT 0,
    notes_added     integer NOT NULL DEFAULT 0,
    last_created_at timestamptz,
    last_id         uuid,
    worker          text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    UNIQUE (version, activated_at)
);
ALTER TABLE alerts ADD CONSTRAINT alerts_rescreen_run_fk
    FOREIGN KEY (rescreen_run) REFERENCES rescreen_runs(id);

-- Re-screening and backtests walk the declarations by age.
CREATE INDEX declarations_created ON declarations (created_at, id);
-- Rule quality statistics read alerts by age.
CREATE INDEX IF NOT EXISTS alerts_created ON alerts (created_at);

-- The version active when this migration runs screened what came in under
-- it: an upgrade does not re-screen the last days against it.
INSERT INTO rescreen_runs (version, activated_at, since, status, finished_at)
SELECT id, coalesce(activated_at, created_at), now(), 'finished', now()
  FROM list_versions WHERE active;
