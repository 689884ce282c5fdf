-- Revocation: every token carries the version of its account or client (claim "ver", absent = 0);
-- deactivation, a password change or reset, disabling a client and rotating its secret add one, so
-- every token issued before stops working (docs/decisions/0013).
alter table account add column token_version integer not null default 0;
alter table api_client add column token_version integer not null default 0;

-- Sign-in attempts, counted in the database so that parallel guesses are decided by one conditional
-- upsert each. One row per (login, address) for the lockout of one client address, and one row per
-- login with address '*' for the account-wide ceiling, which paces attempts instead of locking them:
-- above it, the attempt whose upsert frees the next slot writes its own id into paced_by.
-- A login is 'account:<id>' for an existing account and the lower-cased name given otherwise, so an
-- unknown name is counted, and answered, exactly as a known one.
create table signin_attempt (
    login         varchar(300) not null,
    address       varchar(64)  not null,
    attempts      integer      not null,
    window_start  timestamptz  not null,
    next_paced_at timestamptz,
    paced_by      uuid,
    primary key (login, address)
);
create index signin_attempt_window on signin_attempt (window_start);

-- replaced by signin_attempt
drop table login_failure;
