-- The board benchmark's data (bench/board.sh), in bulk SQL on PostgreSQL: :persons persons and
-- :deals opportunities spread over the default pipeline's stages (won and lost included), three
-- currencies, close dates from three months back to fifteen ahead, owned round-robin by the bench
-- users, each with its primary person. Ids of persons start at 50,000,001 (the app's own start low).
\set ON_ERROR_STOP on
insert into person (id, first_name, last_name, full_name, name_key, may_contact, created_at, updated_at)
select 50000000 + g, 'Bench', 'Person ' || g, 'Bench Person ' || g, 'bench person ' || g, true,
       now(), now()
from generate_series(1, :persons) g;

with st as (
  select array_agg(s.id order by s.position) as ids,
         array_agg(coalesce(s.outcome, 'OPEN') order by s.position) as statuses,
         min(s.pipeline_id) as pipeline_id, count(*) as n
  from deal_stage s join deal_pipeline p on p.id = s.pipeline_id where p.is_default
), us as (
  select array_agg(id order by id) as ids, count(*) as n from app_user where username like 'bench-%'
)
insert into deal_opportunity (name, pipeline_id, stage_id, status, amount, currency, close_date,
    owner_user_id, primary_person_id, source, closed_at, stage_entered_at, last_activity_at,
    created_at, updated_at, version)
select 'Bench deal ' || g, st.pipeline_id, st.ids[1 + g % st.n], st.statuses[1 + g % st.n],
       (1000 + (g * 7919) % 99000)::numeric(19, 2), (array['EUR', 'USD', 'GBP'])[1 + g % 3],
       current_date + ((g * 31) % 540 - 90), us.ids[1 + g % us.n], 50000000 + 1 + (g % :persons),
       'MANUAL', case when st.statuses[1 + g % st.n] = 'OPEN' then null else now() end,
       now() - ((g % 40) || ' days')::interval, now() - ((g % 40) || ' days')::interval,
       now() - ((g % 90) || ' days')::interval, now(), 0
from generate_series(1, :deals) g, st, us;

insert into deal_opportunity_person (opportunity_id, person_id)
select id, primary_person_id from deal_opportunity where name like 'Bench deal %';

insert into deal_gate (opportunity_id, gate, evidence, confirmed_by_name, confirmed_at)
select o.id, gs.gate, 'bench evidence', 'bench', now()
from deal_opportunity o join deal_stage s on s.id = o.stage_id
cross join generate_series(1, 4) gs(gate)
where o.name like 'Bench deal %' and gs.gate < s.position;

analyze;
