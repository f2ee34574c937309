-- The Discord bot's state: per-server settings, the link queue, digest runs and their posts.
-- Instants are whole seconds since the Unix epoch (UTC); Discord ids are integers.

CREATE TABLE guild_settings (
    guild_id          INTEGER PRIMARY KEY,
    digest_channel_id INTEGER,
    watch_channel_id  INTEGER,
    post_time         TEXT,                -- 'HH:MM' local wall-clock time, NULL when off
    timezone          TEXT NOT NULL DEFAULT 'UTC',
    next_run_at       INTEGER              -- when the next scheduled digest is due, NULL when off
);

CREATE INDEX guild_settings_due ON guild_settings (next_run_at) WHERE next_run_at IS NOT NULL;
CREATE INDEX guild_settings_watch ON guild_settings (watch_channel_id)
    WHERE watch_channel_id IS NOT NULL;

-- One digest being made or posted. `slot` names it (the scheduled instant, or 'manual:<id>'),
-- so the same scheduled digest can never be started twice.
CREATE TABLE digest_runs (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL,
    channel_id  INTEGER NOT NULL,
    slot        TEXT NOT NULL,
    title_date  TEXT NOT NULL,             -- the local date shown in the header, ISO
    state       TEXT NOT NULL DEFAULT 'collecting'
                CHECK (state IN ('collecting', 'planned', 'done', 'failed')),
    note        TEXT,                      -- why a run failed
    created_at  INTEGER NOT NULL,
    finished_at INTEGER,
    UNIQUE (guild_id, slot)
);

CREATE INDEX digest_runs_open ON digest_runs (state) WHERE state IN ('collecting', 'planned');

-- Links waiting for the next digest (run_id NULL) or taken into a run.
CREATE TABLE queue (
    id         INTEGER PRIMARY KEY,
    guild_id   INTEGER NOT NULL,
    url        TEXT NOT NULL,
    norm_url   TEXT NOT NULL,
    added_by   INTEGER,
    added_at   INTEGER NOT NULL,
    run_id     INTEGER REFERENCES digest_runs (id) ON DELETE SET NULL
);

-- Deduplication: a normalised link waits in a server's queue at most once.
CREATE UNIQUE INDEX queue_pending_unique ON queue (guild_id, norm_url) WHERE run_id IS NULL;
CREATE INDEX queue_run ON queue (run_id);

-- The messages of a planned run, in order. 'sending' is written before the request and
-- 'sent' after it, so a crash between the two is known to be ambiguous and checked on resume.
-- 'rejected': Discord refused that one message for good (a 4xx); the rest still go out.
CREATE TABLE digest_posts (
    run_id     INTEGER NOT NULL REFERENCES digest_runs (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    payload    TEXT NOT NULL,              -- JSON: {"content": str | null, "embeds": [...]}
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'rejected')),
    message_id INTEGER,
    PRIMARY KEY (run_id, seq)
);
