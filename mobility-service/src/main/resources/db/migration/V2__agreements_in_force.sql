-- mobility-service's own view of the agreements, kept up to date from agreements-service's events:
-- what a nomination is checked against.
create table agreement (
    id                   uuid         primary key,
    kind                 varchar(30)  not null,
    status               varchar(20)  not null check (status in ('ACTIVE', 'SUSPENDED', 'TERMINATED', 'EXPIRED')),
    parties              varchar(100)[] not null,
    first_academic_year  char(9)      not null,
    last_academic_year   char(9)      not null,
    content_hash         varchar(64)  not null,
    updated_at           timestamptz  not null
);
create index agreement_status_idx on agreement (status);
