-- Baseline. Each feature owns its own migration range so features can grow independently:
-- V10-19 access, V20-29 people, V30-39 timeline, V40-49 lifecycle, V50-59 listening,
-- V60+ later features. Names are lower case; H2 runs in PostgreSQL mode with DATABASE_TO_LOWER.
create table rapport_info (
    name  varchar(100) primary key,
    val   varchar(1000) not null
);
insert into rapport_info (name, val) values ('schema', 'rapport');
