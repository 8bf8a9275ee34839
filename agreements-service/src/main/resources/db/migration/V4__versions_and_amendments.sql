-- Versions and amendments: every version that came into force is kept; an amendment waits beside the version
-- in force until every party approved it. Conditions keep an id across versions.
alter table agreement add column signed_on         date;
alter table agreement add column signed_at         varchar(200);
alter table agreement add column search_text       varchar(2000) not null default '';
alter table agreement add column version_in_force  int           not null default 0;
alter table agreement add column amendment         jsonb;
alter table agreement add column amendment_hash    varchar(64);

alter table agreement_party add column amendment_approved_hash varchar(64);
alter table agreement_party add column amendment_approved_at   timestamptz;

alter table cooperation_condition add column condition_id uuid not null default gen_random_uuid();
alter table cooperation_condition alter column condition_id drop default;
create unique index cooperation_condition_id_idx on cooperation_condition (agreement_id, condition_id);
create index cooperation_condition_type_idx on cooperation_condition (mobility_type, agreement_id);

create table agreement_version (
    agreement_id   uuid        not null references agreement (id),
    number         int         not null check (number >= 1),
    content        jsonb       not null,
    content_hash   varchar(64) not null,
    approvals      jsonb       not null,
    in_force_from  timestamptz not null,
    superseded_at  timestamptz,
    primary key (agreement_id, number)
);

-- Agreements still in force after their last academic year are what the expiry job looks for.
create index agreement_in_force_idx on agreement (last_academic_year) where status in ('ACTIVE', 'SUSPENDED');
