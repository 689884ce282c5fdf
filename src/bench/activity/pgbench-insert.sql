-- The single-row insert POST /v1/activity/user/{id} ends in, straight into the same table and indexes.
insert into activity (slug, account_id, email, data, user_agent, created_at)
values ('lesson_opened', 0, 'pgbench@pulse.bench', '{"lesson":"intro-to-html","seconds":42}', 'pgbench', now());
