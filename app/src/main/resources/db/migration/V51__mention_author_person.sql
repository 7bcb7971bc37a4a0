-- Each mention's author resolved to a person (people's identity resolution), so a person's page
-- and timeline show what they said.
alter table listening_mention add column author_person_id bigint;
create index listening_mention_person on listening_mention (author_person_id);
