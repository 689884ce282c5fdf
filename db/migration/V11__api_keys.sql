-- Long-lived API keys of API clients (docs/decisions/0018). A key is "pulse_<key_id>.<secret>": it is
-- found by key_id and checked against the SHA-256 digest of its 256-bit random secret, the only form the
-- secret is kept in. It holds the client's token version when it was issued, so disabling the client or
-- rotating its secret voids it as it voids the client's tokens; revoking a key deletes its row.
create table api_key (
    key_id        varchar(32) primary key,
    client_id     bigint      not null references api_client (id),
    secret_sha256 bytea       not null,
    token_version integer     not null,
    created_at    timestamptz not null
);
create index api_key_client on api_key (client_id);
