-- A post whose source gave no readable time (a feed entry without a date) is stored at the fetch
-- time; time_unknown says so, so the post card shows "date unknown (fetched ...)" rather than a
-- made-up posting time. Existing rows are known-time rows.
alter table listening_mention add column time_unknown boolean not null default false;
