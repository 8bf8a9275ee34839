-- A mobility: one person going from a sending to a receiving institution (SCHAC codes) in an academic year.
create table mobility (
    id                      uuid primary key,
    status                  varchar(20)  not null check (status in ('NOMINATED', 'ACCEPTED', 'REJECTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    academic_year           char(9)      not null check (academic_year ~ '^[0-9]{4}/[0-9]{4}$'),
    sending_institution     varchar(100) not null,
    receiving_institution   varchar(100) not null,
    created_at              timestamptz  not null default now(),
    version                 bigint       not null default 0
);
create index mobility_year_status_idx on mobility (academic_year, status);
