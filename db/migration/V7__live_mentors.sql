-- accounts the organisers marked as mentors; consulted only when PULSE_LIVE_MENTORS_ONLY is on
create table live_mentor (
    account_id bigint      primary key references account (id) on delete cascade,
    marked_at  timestamptz not null
);
