-- Groups (Sunbird group API): study groups, their members and the activities they follow.

create table study_group (
    id              uuid         primary key,
    name            varchar(200) not null,
    description     text,
    -- 'inactive' never reaches the table: setting it deletes the group, as in Sunbird
    status          varchar(20)  not null check (status in ('active', 'suspended')),
    membership_type varchar(30)  not null check (membership_type in ('invite_only', 'moderated')),
    created_by      bigint       not null references account (id),
    created_on      timestamptz  not null,
    updated_by      bigint       references account (id),
    updated_on      timestamptz
);
create index study_group_creator on study_group (created_by);

-- one row per account and group; removal is soft (status inactive) and a re-added member reuses the row
create table study_group_member (
    id         bigserial   primary key,
    group_id   uuid        not null references study_group (id) on delete cascade,
    account_id bigint      not null references account (id),
    role       varchar(10) not null check (role in ('admin', 'member')),
    status     varchar(10) not null check (status in ('active', 'inactive')),
    visited    boolean     not null default false,
    created_by bigint      not null references account (id),
    created_on timestamptz not null,
    updated_by bigint      references account (id),
    updated_on timestamptz,
    removed_on timestamptz,
    constraint study_group_member_once unique (group_id, account_id)
);
-- "my groups" and the per-user group limit read by account
create index study_group_member_account on study_group_member (account_id, status);

create table study_group_activity (
    id            bigserial    primary key,
    group_id      uuid         not null references study_group (id) on delete cascade,
    activity_id   varchar(200) not null,
    activity_type varchar(100) not null,
    added_by      bigint       not null references account (id),
    added_on      timestamptz  not null,
    constraint study_group_activity_once unique (group_id, activity_id)
);
