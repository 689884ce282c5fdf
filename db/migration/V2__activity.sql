-- Activities and coding errors: the platform's high-volume, append-only stream.
--
-- Rows are never updated or deleted by Pulse, and they reference accounts, cohorts and
-- academies by value (ids plus the email and cohort slug as they were when recorded) without
-- foreign keys: a foreign-key check takes a KEY SHARE lock on the referenced row, and with many
-- writers recording for the same user or cohort those locks turn into multixact contention.
--
-- Every listing is newest first with keyset pagination on (created_at, id); each btree below
-- serves exactly one listing, scanned backwards, including the row comparison of the cursor:
--   user listing             (account_id, created_at, id)
--   user listing per slug    (account_id, slug, created_at, id)   several slugs: one scan per slug, merged
--   cohort listing           (cohort_id, created_at, id)
--   cohort listing per slug  (cohort_id, slug, created_at, id)
-- Reports use the same indexes when scoped to a user or a cohort; academy-wide reports over a
-- time range use the BRIN index on created_at, which costs almost nothing on an append-only table.

create table activity (
    id          bigint generated always as identity primary key,
    slug        varchar(100) not null,
    account_id  bigint       not null,
    email       varchar(254) not null,
    cohort_id   bigint,
    cohort_slug varchar(150),
    academy_id  bigint,
    day         integer check (day >= 0),
    data        jsonb,
    user_agent  varchar(300),
    created_at  timestamptz  not null
);
create index activity_user on activity (account_id, created_at, id);
create index activity_user_slug on activity (account_id, slug, created_at, id);
create index activity_cohort on activity (cohort_id, created_at, id) where cohort_id is not null;
create index activity_cohort_slug on activity (cohort_id, slug, created_at, id) where cohort_id is not null;
create index activity_created_brin on activity using brin (created_at);

create table coding_error (
    id          bigint generated always as identity primary key,
    slug        varchar(100) not null,
    account_id  bigint       not null,
    email       varchar(254) not null,
    data        jsonb,
    message     text         not null,
    name        varchar(300) not null,
    severity    integer,
    details     text,
    user_agent  varchar(300),
    created_at  timestamptz  not null
);
create index coding_error_user on coding_error (account_id, created_at, id);
create index coding_error_user_slug on coding_error (account_id, slug, created_at, id);
