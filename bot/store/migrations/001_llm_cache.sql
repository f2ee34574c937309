-- LLM rewrites, so that the same article is never paid for twice.
-- key: sha256 of article content + model + prompt version + options (summarizers.rewrite.cache_key).
-- entry: JSON, either the rewritten digest or the reason the rewrite was refused.
CREATE TABLE llm_cache (
    key        TEXT PRIMARY KEY,
    entry      TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) WITHOUT ROWID;
