-- Territory routing (issue 16): a rule may name places (comma-separated, e.g. "Germany, Austria");
-- it matches an item whose person's account is located in one of them.
alter table inbox_route add column territory varchar(200);
