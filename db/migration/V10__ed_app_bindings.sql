-- Every edApp belongs to one API client, decided by unique keys so that every instance agrees.

-- A urn:uuid edApp is registered with its client: one client per edApp, whatever its case.
-- Clients that were registered with an edApp another client already had get a fresh one (the
-- earliest registration keeps it), so that the key can be made unique.
update api_client c set edapp = 'urn:uuid:' || gen_random_uuid()
 where exists (select 1 from api_client o where lower(o.edapp) = lower(c.edapp) and o.id < c.id);
create unique index api_client_edapp_key on api_client (lower(edapp));

-- Any other edApp (a URL, or another IRI) is bound to the first client that sends it. The bound form
-- is the edApp lowercased without trailing slashes, so that a variant in case or a slash is the same
-- edApp; the key is its SHA-256 (hex), since an IRI may be longer than a btree entry can hold.
-- Events already stored bind their edApps to the client that sent each first.
create table caliper_ed_app (
    ed_app_key char(64)    primary key,
    ed_app     text        not null,
    client_id  varchar(64) not null references api_client (client_id),
    bound_at   timestamptz not null
);
insert into caliper_ed_app (ed_app_key, ed_app, client_id, bound_at)
select distinct on (bound) encode(sha256(convert_to(bound, 'UTF8')), 'hex'), bound, client_id, received_at
  from (select rtrim(lower(ed_app), '/') as bound, client_id, received_at, seq
          from caliper_event
         where ed_app is not null and lower(ed_app) not like 'urn:uuid:%') used
 order by bound, seq;
