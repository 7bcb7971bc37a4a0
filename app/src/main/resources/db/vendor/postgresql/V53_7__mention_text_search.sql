-- PostgreSQL only (this folder is the {vendor} location): full-text search over captured posts.
-- The 'simple' configuration folds case without stemming, so posts in any language are found by
-- their words; the workspace's global search queries the same expression.
create index listening_mention_text_search on listening_mention
    using gin (to_tsvector('simple', text));
