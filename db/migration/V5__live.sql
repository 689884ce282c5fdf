-- Live: MenloHacks Vivere day-of operations (schedule, maps, announcements, mentorship queue, notifications).

-- Live accounts have a name, a username and a password but no email; admin-created accounts
-- still need one (checked by the application, see dev.pulse.identity.Accounts#create).
alter table account alter column email drop not null;

-- the event's key times: one row, upserted by organisers
create table live_times (
    id                 integer     primary key check (id = 1),
    event_start_time   timestamptz,
    event_end_time     timestamptz,
    hacking_start_time timestamptz,
    hacking_end_time   timestamptz,
    updated_at         timestamptz not null
);

-- places in the venue; map_rank > -1 makes it a primary location shown in the list of maps
create table live_location (
    id         bigserial    primary key,
    name       varchar(200) not null,
    map_rank   integer      not null default -1,
    created_at timestamptz  not null
);

-- the map image of a location, apart so that lists never load image bytes
create table live_location_image (
    location_id  bigint      primary key references live_location (id) on delete cascade,
    content_type varchar(50) not null,
    bytes        bytea       not null,
    updated_at   timestamptz not null
);

create table live_event (
    id                bigserial    primary key,
    short_description varchar(200) not null,
    long_description  text         not null,
    location_id       bigint       not null references live_location (id),
    start_time        timestamptz  not null,
    end_time          timestamptz  not null,
    constraint live_event_starts_before_it_ends check (start_time < end_time)
);
create index live_event_start on live_event (start_time, id);

create table live_announcement (
    id      bigserial     primary key,
    message varchar(1000) not null,
    made_at timestamptz   not null,
    source  varchar(20)   not null check (source in ('organiser', 'sms'))
);
create index live_announcement_made_at on live_announcement (made_at desc, id desc);

-- mentorship help requests. opened_at/expires_at restart on reopen; time_created never changes,
-- so a reopened ticket keeps its place in the queue.
create table mentor_ticket (
    id            bigserial     primary key,
    description   varchar(1000) not null,
    location      varchar(200)  not null,
    contact       varchar(200)  not null,
    creator_id    bigint        not null references account (id),
    claimer_id    bigint        references account (id),
    time_created  timestamptz   not null,
    opened_at     timestamptz   not null,
    expires_at    timestamptz   not null,
    expired       boolean       not null default false,
    time_complete timestamptz
);
create index mentor_ticket_creator on mentor_ticket (creator_id, time_created desc);
create index mentor_ticket_claimer on mentor_ticket (claimer_id) where claimer_id is not null;
create index mentor_ticket_open on mentor_ticket (time_created, id)
    where claimer_id is null and time_complete is null and not expired;

-- every published notification, so that SSE clients reconnecting with Last-Event-ID get what they missed
create table live_notification (
    id         bigserial    primary key,
    name       varchar(30)  not null,
    channel    varchar(100) not null,
    payload    text         not null,
    created_at timestamptz  not null
);
create index live_notification_created on live_notification (created_at);
