-- Nominations: a mobility names its agreement's cooperation condition, its person and the catalogue sessions it
-- asks for; a quota ledger counts the places taken per condition and academic year.
delete from mobility;   -- rows of the first schema had no agreement: none were ever created through the API

alter table mobility add column agreement_id        uuid         not null;
alter table mobility add column condition_id        uuid         not null;
alter table mobility add column mobility_type       varchar(40)  not null;
alter table mobility add column planned_arrival     date         not null;
alter table mobility add column planned_departure   date         not null;
alter table mobility add column arrived_on          date;
alter table mobility add column departed_on         date;
alter table mobility add column status_reason       varchar(2000);
alter table mobility add column person_id           uuid         not null;
alter table mobility add column given_name          varchar(200) not null;
alter table mobility add column family_name         varchar(200) not null;
alter table mobility add column chinese_name        varchar(100);
alter table mobility add column email               varchar(320) not null;
alter table mobility add column ine                 char(11);
alter table mobility add column student_number      varchar(40);
alter table mobility add column batch_id            uuid;
alter table mobility add column changed_at          timestamptz  not null default now();
-- The transaction that last changed the row: the changedSince feed reads rows in this order, and only those of
-- transactions older than every one still running, so that a later commit can never land behind its cursor.
alter table mobility add column changed_xid         xid8         not null default pg_current_xact_id();

create function mobility_changed() returns trigger language plpgsql as $$
begin
    new.changed_xid := pg_current_xact_id();
    new.changed_at := now();
    return new;
end $$;
create trigger mobility_changed before insert or update on mobility for each row execute function mobility_changed();

create index mobility_feed_idx on mobility (changed_xid, id);
create index mobility_sending_idx on mobility (sending_institution, academic_year);
create index mobility_receiving_idx on mobility (receiving_institution, academic_year);
create index mobility_batch_idx on mobility (batch_id) where batch_id is not null;
create index mobility_email_idx on mobility (email);
create index mobility_person_idx on mobility (person_id);

-- The catalogue sessions a mobility asked for, and curriculum-service's answer for each.
create table mobility_session (
    mobility_id  uuid        not null references mobility (id) on delete cascade,
    session_id   uuid        not null,
    seat         varchar(20) not null check (seat in ('REQUESTED', 'HELD', 'REFUSED', 'RELEASED')),
    reason       varchar(40),
    primary key (mobility_id, session_id)
);

-- The cooperation conditions in force, from AgreementActivated and AgreementAmended.
create table agreement_condition (
    agreement_id           uuid         not null references agreement (id) on delete cascade,
    condition_id           uuid         not null,
    sending_institution    varchar(100) not null,
    receiving_institution  varchar(100) not null,
    mobility_type          varchar(40)  not null,
    places_per_year        int          not null,
    first_academic_year    char(9)      not null,
    last_academic_year     char(9)      not null,
    minimum_days           int,
    maximum_days           int,
    primary key (agreement_id, condition_id)
);

-- Places taken per condition and academic year: a nomination adds one only while places remain
-- (update ... where used < places), so that concurrent nominations on any number of instances never overbook.
create table quota_usage (
    condition_id   uuid    not null,
    academic_year  char(9) not null,
    used           int     not null check (used >= 0),
    primary key (condition_id, academic_year)
);
