-- A post its author edited or deleted: edits replace the text (edited_at says when), deletes
-- remove it and set deleted_at. remote_id is the id the source's server gave the post when it is
-- not the native id (a Mastodon status id), which is all Mastodon's delete event names.
alter table listening_mention add column edited_at timestamp with time zone;
alter table listening_mention add column deleted_at timestamp with time zone;
alter table listening_mention add column remote_id varchar(300);
create index listening_mention_remote on listening_mention (source_id, remote_id);
