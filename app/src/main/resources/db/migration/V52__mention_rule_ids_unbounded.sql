-- A post that matched more rules than 4,000 characters of comma-separated ids hold (several
-- hundred rules in a large workspace) could not be stored at all, and failed its whole batch.
alter table listening_mention alter column rule_ids set data type text;
