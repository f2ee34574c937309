-- Feeds as digest sources: each server's feeds, what polling them learnt, every entry seen.

CREATE TABLE feeds (
    id               INTEGER PRIMARY KEY,
    guild_id         INTEGER NOT NULL,
    url              TEXT NOT NULL,
    norm_url         TEXT NOT NULL,
    title            TEXT,
    added_by         INTEGER,
    added_at         INTEGER NOT NULL,
    etag             TEXT,                          -- validators for the next conditional GET
    last_modified    TEXT,
    next_poll_at     INTEGER NOT NULL DEFAULT 0,    -- later after each error (backoff)
    failures         INTEGER NOT NULL DEFAULT 0,    -- consecutive failed polls
    last_error       TEXT,
    failure_reported INTEGER NOT NULL DEFAULT 0,    -- 1 once this run of failures was announced
    last_success_at  INTEGER,                       -- NULL until a poll first worked
    UNIQUE (guild_id, norm_url)
);

CREATE INDEX feeds_due ON feeds (next_poll_at);

-- Every entry a server's feeds have shown, by GUID and by normalised link: an entry is
-- queued for the digest once, whichever feed or poll shows it again, even after its feed
-- was removed and added back.
CREATE TABLE feed_entries (
    id        INTEGER PRIMARY KEY,
    feed_id   INTEGER REFERENCES feeds (id) ON DELETE SET NULL,  -- kept when a feed goes
    guild_id  INTEGER NOT NULL,
    guid      TEXT NOT NULL,
    url       TEXT NOT NULL,
    norm_url  TEXT NOT NULL,
    title     TEXT,
    published INTEGER,
    seen_at   INTEGER NOT NULL,
    UNIQUE (guild_id, guid)
);

CREATE INDEX feed_entries_link ON feed_entries (guild_id, norm_url);

-- The daily digest as one summary message with a thread holding one message per story:
-- the server's choice, and each run's (fixed when the run starts, so a resumed run keeps it).
ALTER TABLE guild_settings ADD COLUMN digest_thread INTEGER NOT NULL DEFAULT 0;
ALTER TABLE digest_runs ADD COLUMN threaded INTEGER NOT NULL DEFAULT 0;
