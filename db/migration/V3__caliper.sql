-- Caliper: every event an integrator sent, whole (JSONB), plus the columns the query API filters on.

create table caliper_event (
    seq          bigserial        primary key,
    client_id    varchar(64)      not null,
    event_id     text             not null,
    type         varchar(60)      not null,
    action       varchar(60),
    profile      varchar(60),
    assignee     text,
    account_id   bigint           references account (id),
    assignable   text,
    ed_app       text,
    event_time   timestamptz      not null,
    created_time timestamptz,
    score_given  double precision,
    max_score    double precision,
    completion   varchar(20),
    fingerprint  varchar(64)      not null,
    payload      jsonb            not null,
    received_at  timestamptz      not null,
    -- idempotency: one event id per client; a resend with the same fingerprint is a no-op
    constraint caliper_event_once unique (client_id, event_id)
);

-- the query API: a client's events newest first, optionally narrowed by assignee, assignable or type
create index caliper_event_client_time on caliper_event (client_id, event_time desc, seq desc);
create index caliper_event_assignee on caliper_event (assignee, event_time desc, seq desc);
create index caliper_event_assignable on caliper_event (assignable, event_time desc, seq desc);
create index caliper_event_account on caliper_event (account_id) where account_id is not null;
