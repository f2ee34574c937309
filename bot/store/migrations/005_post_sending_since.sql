-- When a message's send started, as a Discord snowflake (a lower bound for its id): after a
-- crash, the message in doubt is looked for in the channel from there on, however busy the
-- channel was meanwhile.
ALTER TABLE digest_posts ADD COLUMN sending_since INTEGER;
