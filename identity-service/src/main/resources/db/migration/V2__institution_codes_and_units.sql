-- Institutions: the codes partners know them by, and their units (faculties, hospitals, departments).

-- Erasmus codes are space-padded ("F  LYON01") and typed with any spacing: erasmus_code keeps the code as
-- registered, erasmus_code_key the same without whitespace, which is what matches and must be unique.
alter table institution add column erasmus_code     varchar(20);
alter table institution add column erasmus_code_key varchar(20) unique;
alter table institution add column pic              varchar(9) unique;   -- Participant Identification Code
-- Names of the details that are illustrative demo data for an otherwise real institution ('erasmusCode', ...)
alter table institution add column illustrative_details text[] not null default '{}';
-- False until InstitutionRegistered is in the outbox: seeded rows are announced by a startup step, rows
-- registered through the API in their own transaction.
alter table institution add column registration_announced boolean not null default false;

-- SCHAC codes an institution was known by before (merged or renamed universities); one owner each.
create table institution_previous_code (
    institution_id uuid         not null references institution (id) on delete cascade,
    schac_code     varchar(100) not null unique,
    primary key (institution_id, schac_code)
);

-- Units as a tree: faculties and hospitals at the top, departments under one of them.
create table institution_unit (
    id             uuid         primary key,
    institution_id uuid         not null references institution (id) on delete cascade,
    -- deferred: a change of the tree may remove a parent and its children in any order within one transaction
    parent_id      uuid         references institution_unit (id) deferrable initially deferred,
    kind           varchar(20)  not null check (kind in ('FACULTY', 'HOSPITAL', 'DEPARTMENT')),
    name_fr        varchar(300) not null,
    name_en        varchar(300) not null,
    name_zh        varchar(300) not null,
    illustrative   boolean      not null default false,
    position       int          not null
);
create index institution_unit_institution_idx on institution_unit (institution_id, position);
