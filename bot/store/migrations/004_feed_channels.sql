-- Feeds belong to a channel: each channel that follows feeds gets its own daily digest of
-- its feeds' new entries. channel_id NULL means "the server's digest channel" (wherever it
-- is set): the queue's links added with /digest add or the watcher, and the feeds followed
-- before this migration in a server that had no digest channel yet. Feeds followed before
-- it are assigned to the server's digest channel. A digest run is one channel's: its slot
-- (unique per server) ends with '@<channel id>', so one scheduled time starts one run per
-- channel, each once.
--
-- SQLite cannot change a table's UNIQUE constraint, so feeds and feed_entries are rebuilt:
-- a channel follows a feed once (another channel may follow it too), and an entry is known
-- per channel, so two channels following feeds that carry one story each get it once.
-- feed_entries_new refers to feeds_new, which the renames below turn into `feeds`; the old
-- tables are dropped child first, so no ON DELETE action touches the copied rows.

CREATE TABLE feeds_new (
    id               INTEGER PRIMARY KEY,
    guild_id         INTEGER NOT NULL,
    channel_id       INTEGER,                       -- NULL: the server's digest channel
    url              TEXT NOT NULL,
    norm_url         TEXT NOT NULL,
    title            TEXT,
    added_by         INTEGER,
    added_at         INTEGER NOT NULL,
    etag             TEXT,
    last_modified    TEXT,
    next_poll_at     INTEGER NOT NULL DEFAULT 0,
    failures         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    failure_reported INTEGER NOT NULL DEFAULT 0,
    last_success_at  INTEGER
);

INSERT INTO feeds_new (id, guild_id, channel_id, url, norm_url, title, added_by, added_at, etag,
                       last_modified, next_poll_at, failures, last_error, failure_reported,
                       last_success_at)
SELECT f.id, f.guild_id,
       (SELECT g.digest_channel_id FROM guild_settings g WHERE g.guild_id = f.guild_id),
       f.url, f.norm_url, f.title, f.added_by, f.added_at, f.etag, f.last_modified,
       f.next_poll_at, f.failures, f.last_error, f.failure_reported, f.last_success_at
FROM feeds f;

CREATE TABLE feed_entries_new (
    id         INTEGER PRIMARY KEY,
    feed_id    INTEGER REFERENCES feeds_new (id) ON DELETE SET NULL,  -- kept when a feed goes
    guild_id   INTEGER NOT NULL,
    channel_id INTEGER,                             -- the feed's channel when it was seen
    guid       TEXT NOT NULL,
    url        TEXT NOT NULL,
    norm_url   TEXT NOT NULL,
    title      TEXT,
    published  INTEGER,
    seen_at    INTEGER NOT NULL
);

-- An entry whose feed was removed goes with the server's digest channel, as its feed did.
INSERT INTO feed_entries_new (id, feed_id, guild_id, channel_id, guid, url, norm_url, title,
                              published, seen_at)
SELECT e.id, e.feed_id, e.guild_id,
       COALESCE((SELECT f.channel_id FROM feeds_new f WHERE f.id = e.feed_id),
                (SELECT g.digest_channel_id FROM guild_settings g WHERE g.guild_id = e.guild_id)),
       e.guid, e.url, e.norm_url, e.title, e.published, e.seen_at
FROM feed_entries e;

DROP TABLE feed_entries;
DROP TABLE feeds;
ALTER TABLE feeds_new RENAME TO feeds;
ALTER TABLE feed_entries_new RENAME TO feed_entries;

-- COALESCE: NULL ("the digest channel") is one channel here, not a new one per row.
CREATE UNIQUE INDEX feeds_unique ON feeds (guild_id, COALESCE(channel_id, 0), norm_url);
CREATE INDEX feeds_due ON feeds (next_poll_at);
CREATE UNIQUE INDEX feed_entries_guid ON feed_entries (guild_id, COALESCE(channel_id, 0), guid);
CREATE INDEX feed_entries_link ON feed_entries (guild_id, channel_id, norm_url);

-- Where a waiting link goes: a feed entry waits for its feed's channel, a link added by hand
-- or by the watcher for the server's digest channel (NULL). A link waits once per channel.
ALTER TABLE queue ADD COLUMN channel_id INTEGER;
DROP INDEX queue_pending_unique;
CREATE UNIQUE INDEX queue_pending_unique ON queue (guild_id, COALESCE(channel_id, 0), norm_url)
    WHERE run_id IS NULL;
