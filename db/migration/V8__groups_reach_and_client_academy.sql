-- Groups: who may be added, and whose Caliper evidence counts in a group's progress.

-- An API client may be bound to one academy at registration: the Caliper events it sends count in a
-- group's activity aggregate only for members of that academy.
alter table api_client add column academy_id bigint references academy (id);

-- the activity aggregate: one member's events on one activity, aggregated in the database
create index caliper_event_assignable_account on caliper_event (assignable, account_id) where account_id is not null;
