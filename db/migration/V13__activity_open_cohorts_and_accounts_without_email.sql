-- Activities of clients as they really are (BreatheCode's legacy CLI and consumers):
--
-- * An account may have no email (a Live account has a username only): its activities and
--   coding errors are recorded with a null email.
-- * A cohort Pulse does not know is kept as the text the client sent (cohort_slug, with no
--   cohort_id), up to the length of any other reference Pulse accepts, and listed by that text.
--   The partial index serves that listing only: rows placed in a known cohort (cohort_id set)
--   and rows with no cohort at all stay out of it, so it costs nothing on their inserts.
--   Widening a varchar does not rewrite the table.

alter table activity alter column email drop not null;
alter table coding_error alter column email drop not null;
alter table activity alter column cohort_slug type varchar(254);

create index activity_cohort_text on activity (cohort_slug, created_at, id)
    where cohort_id is null and cohort_slug is not null;
