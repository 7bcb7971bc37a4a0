-- Chips, highlighted words and an inside link that other features attach to their touchpoints
-- (listening: a post's readings), keyed like the touchpoint's source so either may come first.
create table touchpoint_badges (
    source_type varchar(60)  not null,
    source_id   varchar(200) not null,
    href        varchar(500),
    badges      text         not null,
    highlights  text         not null,
    primary key (source_type, source_id)
);
