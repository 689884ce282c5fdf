-- Assignment telemetry: what LearnPack reports while a student works on an asset, one record per
-- academy, asset and student. Writes are INSERT ... ON CONFLICT / UPDATE statements that set only
-- the columns a request carries, so the unique key below is what makes concurrent upserts safe.

create table assignment_telemetry (
    id                   bigserial    primary key,
    academy_id           bigint       not null references academy (id),
    account_id           bigint       not null references account (id),
    asset_slug           varchar(200) not null check (asset_slug ~ '^[a-z0-9_-]+$'),
    telemetry            jsonb        check (telemetry is null or jsonb_typeof(telemetry) = 'object'),
    engagement_score     double precision check (engagement_score between 0 and 100),
    frustration_score    double precision check (frustration_score between 0 and 100),
    metrics_algo_version double precision,
    metrics              jsonb        check (metrics is null or jsonb_typeof(metrics) = 'object'),
    -- a duration in microseconds (DRF's DurationField precision); rendered as "HH:MM:SS"
    total_time_micros    bigint       check (total_time_micros >= 0),
    completion_rate      double precision check (completion_rate between 0 and 100),
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    constraint assignment_telemetry_once unique (academy_id, asset_slug, account_id)
);

-- the academy list, newest update first, paged by (updated_at, id)
create index assignment_telemetry_recent on assignment_telemetry (academy_id, updated_at desc, id desc);
-- progress reads for a set of students (groups' aggregate)
create index assignment_telemetry_account on assignment_telemetry (account_id, asset_slug);
