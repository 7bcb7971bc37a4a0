-- The domain part of each email, stored so that merge proposals (same name and same company
-- domain) read a candidate's email domains in one indexed join per import chunk instead of
-- splitting every address in Java. Filled for rows stored before this migration.
alter table person_email add column domain varchar(254);
update person_email set domain = substring(email, position('@' in email) + 1);
