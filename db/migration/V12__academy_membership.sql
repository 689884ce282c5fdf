-- The one rule of academy membership: an account belongs to an academy through its academy role, or,
-- when it has none there, through any cohort of that academy, as a student (docs/decisions/0017).
-- Every membership check reads this view: account state (and so every capability check), Caliper's
-- progress binding and the groups' shared-academy rule. One row per account and academy.
create view academy_membership as
select m.academy_id, m.account_id, m.role_slug, false as through_cohort
from academy_member m
union all
select distinct c.academy_id, cm.account_id, 'student', true
from cohort_member cm
join cohort c on c.id = cm.cohort_id
where not exists (select 1 from academy_member m where m.academy_id = c.academy_id and m.account_id = cm.account_id);
