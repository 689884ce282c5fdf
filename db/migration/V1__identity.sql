-- Identity: one set of accounts, academies, roles, cohorts and API clients for every API family.

create table account (
    id             bigserial primary key,
    uuid           uuid         not null unique,
    email          varchar(254) not null,
    username       varchar(150) not null,
    first_name     varchar(150) not null default '',
    last_name      varchar(150) not null default '',
    password_hash  varchar(512) not null,
    platform_admin boolean      not null default false,
    active         boolean      not null default true,
    created_at     timestamptz  not null
);
-- emails and usernames are unique whatever their case
create unique index account_email_key on account (lower(email));
create unique index account_username_key on account (lower(username));

create table academy (
    id         bigserial primary key,
    slug       varchar(100) not null unique,
    name       varchar(200) not null,
    active     boolean      not null default true,
    created_at timestamptz  not null
);

create table academy_role (
    slug varchar(50)  primary key,
    name varchar(100) not null
);

create table role_capability (
    role_slug  varchar(50) not null references academy_role (slug),
    capability varchar(60) not null,
    primary key (role_slug, capability)
);

create table academy_member (
    id         bigserial primary key,
    academy_id bigint      not null references academy (id),
    account_id bigint      not null references account (id),
    role_slug  varchar(50) not null references academy_role (slug),
    created_at timestamptz not null,
    constraint academy_member_once unique (academy_id, account_id)
);
create index academy_member_account on academy_member (account_id);

create table cohort (
    id          bigserial primary key,
    slug        varchar(150) not null unique,
    name        varchar(200) not null,
    academy_id  bigint       not null references academy (id),
    current_day integer,
    created_at  timestamptz  not null
);

create table cohort_member (
    id         bigserial primary key,
    cohort_id  bigint      not null references cohort (id),
    account_id bigint      not null references account (id),
    role       varchar(20) not null check (role in ('STUDENT', 'TEACHER', 'ASSISTANT')),
    created_at timestamptz not null,
    constraint cohort_member_once unique (cohort_id, account_id)
);
create index cohort_member_account on cohort_member (account_id);

create table api_client (
    id          bigserial primary key,
    client_id   varchar(64)  not null unique,
    secret_hash varchar(512) not null,
    name        varchar(200) not null,
    edapp       varchar(300),
    active      boolean      not null default true,
    created_at  timestamptz  not null
);

-- failed logins, counted per account over a sliding window to throttle password guessing
create table login_failure (
    id         bigserial primary key,
    account_id bigint      not null references account (id),
    failed_at  timestamptz not null
);
create index login_failure_recent on login_failure (account_id, failed_at);

-- The BreatheCode academy role catalogue (apiv2 role_definitions), limited to the capabilities Pulse checks.
insert into academy_role (slug, name) values
  ('admin', 'Admin'),
  ('academy_token', 'Academy Token'),
  ('basic', 'Basic'),
  ('read_only', 'Read Only'),
  ('staff', 'Staff'),
  ('student', 'Student'),
  ('content_writer', 'Content Writer'),
  ('assistant', 'Assistant'),
  ('career_support', 'Career Support'),
  ('career_support_head', 'Career Support Head'),
  ('admissions_developer', 'Admissions Developer'),
  ('syllabus_coordinator', 'Syllabus Coordinator'),
  ('culture_and_recruitment', 'Culture And Recruitment'),
  ('graphic_designer', 'Graphic Designer'),
  ('community_manager', 'Community Manager'),
  ('growth_manager', 'Growth Manager'),
  ('accountant', 'Accountant'),
  ('homework_reviewer', 'Homework Reviewer'),
  ('teacher', 'Teacher'),
  ('geek_creator', 'Geek Creator'),
  ('academy_coordinator', 'Academy Coordinator'),
  ('country_manager', 'Country Manager');

insert into role_capability (role_slug, capability) values
  ('admin', 'read_activity'),
  ('admin', 'crud_activity'),
  ('admin', 'classroom_activity'),
  ('admin', 'read_cohort_activity'),
  ('admin', 'crud_telemetry'),
  ('admin', 'upload_assignment_telemetry'),
  ('admin', 'read_member'),
  ('admin', 'crud_member'),
  ('admin', 'read_student'),
  ('admin', 'crud_student'),
  ('admin', 'read_all_cohort'),
  ('admin', 'read_single_cohort'),
  ('admin', 'crud_cohort'),
  ('academy_token', 'read_member'),
  ('academy_token', 'read_student'),
  ('academy_token', 'read_all_cohort'),
  ('basic', 'read_activity'),
  ('basic', 'crud_activity'),
  ('basic', 'upload_assignment_telemetry'),
  ('read_only', 'read_activity'),
  ('read_only', 'read_member'),
  ('read_only', 'read_student'),
  ('read_only', 'read_all_cohort'),
  ('staff', 'read_activity'),
  ('staff', 'crud_activity'),
  ('staff', 'read_member'),
  ('staff', 'read_student'),
  ('staff', 'read_all_cohort'),
  ('student', 'crud_activity'),
  ('student', 'upload_assignment_telemetry'),
  ('student', 'read_all_cohort'),
  ('student', 'read_single_cohort'),
  ('content_writer', 'read_activity'),
  ('content_writer', 'crud_activity'),
  ('content_writer', 'upload_assignment_telemetry'),
  ('content_writer', 'read_member'),
  ('assistant', 'read_activity'),
  ('assistant', 'crud_activity'),
  ('assistant', 'classroom_activity'),
  ('assistant', 'read_cohort_activity'),
  ('assistant', 'read_member'),
  ('assistant', 'read_student'),
  ('assistant', 'read_all_cohort'),
  ('assistant', 'crud_cohort'),
  ('career_support', 'read_activity'),
  ('career_support', 'crud_activity'),
  ('career_support', 'classroom_activity'),
  ('career_support', 'read_member'),
  ('career_support', 'read_student'),
  ('career_support', 'read_all_cohort'),
  ('career_support', 'crud_cohort'),
  ('career_support_head', 'read_activity'),
  ('career_support_head', 'crud_activity'),
  ('career_support_head', 'classroom_activity'),
  ('career_support_head', 'upload_assignment_telemetry'),
  ('career_support_head', 'read_member'),
  ('career_support_head', 'read_student'),
  ('career_support_head', 'read_all_cohort'),
  ('career_support_head', 'crud_cohort'),
  ('admissions_developer', 'read_activity'),
  ('admissions_developer', 'crud_activity'),
  ('admissions_developer', 'read_member'),
  ('admissions_developer', 'read_student'),
  ('admissions_developer', 'crud_student'),
  ('admissions_developer', 'read_all_cohort'),
  ('admissions_developer', 'crud_cohort'),
  ('syllabus_coordinator', 'read_activity'),
  ('syllabus_coordinator', 'crud_activity'),
  ('syllabus_coordinator', 'upload_assignment_telemetry'),
  ('syllabus_coordinator', 'read_member'),
  ('syllabus_coordinator', 'read_student'),
  ('syllabus_coordinator', 'read_all_cohort'),
  ('culture_and_recruitment', 'read_activity'),
  ('culture_and_recruitment', 'crud_activity'),
  ('culture_and_recruitment', 'read_member'),
  ('culture_and_recruitment', 'crud_member'),
  ('culture_and_recruitment', 'read_student'),
  ('culture_and_recruitment', 'read_all_cohort'),
  ('graphic_designer', 'read_activity'),
  ('graphic_designer', 'crud_activity'),
  ('graphic_designer', 'read_member'),
  ('graphic_designer', 'read_student'),
  ('graphic_designer', 'read_all_cohort'),
  ('community_manager', 'read_activity'),
  ('community_manager', 'crud_activity'),
  ('community_manager', 'read_member'),
  ('community_manager', 'read_student'),
  ('community_manager', 'read_all_cohort'),
  ('growth_manager', 'read_activity'),
  ('growth_manager', 'crud_activity'),
  ('growth_manager', 'read_member'),
  ('growth_manager', 'read_student'),
  ('growth_manager', 'read_all_cohort'),
  ('accountant', 'read_activity'),
  ('accountant', 'crud_activity'),
  ('accountant', 'read_member'),
  ('accountant', 'read_student'),
  ('accountant', 'read_all_cohort'),
  ('homework_reviewer', 'read_activity'),
  ('homework_reviewer', 'crud_activity'),
  ('homework_reviewer', 'classroom_activity'),
  ('homework_reviewer', 'read_cohort_activity'),
  ('homework_reviewer', 'read_member'),
  ('homework_reviewer', 'read_student'),
  ('homework_reviewer', 'crud_student'),
  ('homework_reviewer', 'read_all_cohort'),
  ('homework_reviewer', 'crud_cohort'),
  ('teacher', 'read_activity'),
  ('teacher', 'crud_activity'),
  ('teacher', 'classroom_activity'),
  ('teacher', 'read_cohort_activity'),
  ('teacher', 'read_member'),
  ('teacher', 'read_student'),
  ('teacher', 'read_all_cohort'),
  ('teacher', 'crud_cohort'),
  ('geek_creator', 'read_activity'),
  ('geek_creator', 'crud_activity'),
  ('geek_creator', 'classroom_activity'),
  ('geek_creator', 'read_cohort_activity'),
  ('geek_creator', 'read_member'),
  ('geek_creator', 'read_student'),
  ('geek_creator', 'read_all_cohort'),
  ('geek_creator', 'crud_cohort'),
  ('academy_coordinator', 'read_activity'),
  ('academy_coordinator', 'crud_activity'),
  ('academy_coordinator', 'classroom_activity'),
  ('academy_coordinator', 'read_cohort_activity'),
  ('academy_coordinator', 'crud_telemetry'),
  ('academy_coordinator', 'read_member'),
  ('academy_coordinator', 'crud_member'),
  ('academy_coordinator', 'read_student'),
  ('academy_coordinator', 'crud_student'),
  ('academy_coordinator', 'read_all_cohort'),
  ('academy_coordinator', 'crud_cohort'),
  ('country_manager', 'read_activity'),
  ('country_manager', 'crud_activity'),
  ('country_manager', 'classroom_activity'),
  ('country_manager', 'read_cohort_activity'),
  ('country_manager', 'crud_telemetry'),
  ('country_manager', 'upload_assignment_telemetry'),
  ('country_manager', 'read_member'),
  ('country_manager', 'crud_member'),
  ('country_manager', 'read_student'),
  ('country_manager', 'crud_student'),
  ('country_manager', 'read_all_cohort'),
  ('country_manager', 'read_single_cohort'),
  ('country_manager', 'crud_cohort');
