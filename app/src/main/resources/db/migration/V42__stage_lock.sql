-- One row per person and product line, locked while a move reads the current stage and appends
-- the next row, so two concurrent moves cannot both start from the same "from" stage.
create table stage_lock (
    person_id       bigint not null,
    product_line_id bigint not null,
    primary key (person_id, product_line_id)
);
