-- The readings the mention filters use, as columns instead of LIKE on the readings JSON: the
-- sentiment's label and score on the mention, and every intent and life event in a child table
-- (kind 'intent' or 'event', value lower case: buying, new_job). Filters are indexed equality.
-- V67_3 (MentionReadingsBackfill, a Java migration in listening) fills them from the stored JSON.
alter table listening_mention add column sentiment_label varchar(10);
alter table listening_mention add column sentiment_score double precision;
create index listening_mention_sentiment on listening_mention (sentiment_label, created_at);

create table listening_mention_signal (
    mention_id bigint      not null references listening_mention (id) on delete cascade,
    kind       varchar(10) not null,
    signal     varchar(40) not null,
    constraint listening_mention_signal_pk primary key (mention_id, kind, signal)
);
create index listening_mention_signal_value on listening_mention_signal (kind, signal, mention_id);
