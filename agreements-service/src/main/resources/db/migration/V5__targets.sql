-- Targets on agreements, and the mobilities counted for them from mobility-service's events.
create table target (
    id                     uuid         primary key,
    title_fr               varchar(500) not null,
    title_en               varchar(500) not null,
    title_zh               varchar(500) not null,
    receiving_institution  varchar(100) not null,
    baseline_year          char(9)      not null,
    baseline_count         int          not null check (baseline_count >= 0),
    target_year            char(9)      not null,
    target_count           int          not null check (target_count >= 0),
    created_at             timestamptz  not null default now(),
    version                bigint       not null default 0
);

create table target_agreement (
    target_id     uuid not null references target (id) on delete cascade,
    agreement_id  uuid not null references agreement (id),
    primary key (target_id, agreement_id)
);

create table target_mobility_type (
    target_id      uuid        not null references target (id) on delete cascade,
    mobility_type  varchar(40) not null,
    primary key (target_id, mobility_type)
);

create table counted_mobility (
    mobility_id            uuid         primary key,
    agreement_id           uuid         not null,
    academic_year          char(9)      not null,
    mobility_type          varchar(40)  not null,
    sending_institution    varchar(100) not null,
    receiving_institution  varchar(100) not null,
    status                 varchar(20)  not null,
    changed_at             timestamptz  not null
);
create index counted_mobility_agreement_idx on counted_mobility (agreement_id, academic_year);
