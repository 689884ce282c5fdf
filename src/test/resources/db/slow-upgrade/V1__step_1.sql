-- slow, so that the other instances certainly arrive while the upgrade is under way
select pg_sleep(0.5);
create table step_1 (id int primary key);
