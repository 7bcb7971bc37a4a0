-- Where a new person enters the lifecycle, per how they came (heard in a post, imported, added by
-- hand). stage_id null means "automatic": Suspect or Prospect by ICP fit when the active model has
-- both stages, else the active model's first stage. enters = false leaves such persons unstaged.
create table lifecycle_entry (
    origin   varchar(20) primary key,
    enters   boolean     not null default true,
    stage_id bigint      references lifecycle_stage (id)
);
insert into lifecycle_entry (origin, enters) values ('LISTENING', true), ('IMPORT', true), ('MANUAL', true);
