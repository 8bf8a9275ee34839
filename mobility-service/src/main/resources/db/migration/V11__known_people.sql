-- The people identity-service registered, as its PersonRegistered / PersonChanged events tell them: who may be
-- named by id in a nomination, and by which identifiers (fingerprints, never the values: docs/adr/0008)
create table known_person (
    person_id    uuid         primary key,
    kind         varchar(20)  not null,
    institution  varchar(100) not null,
    changed_at   timestamptz  not null
);

-- one person per identifier, as in identity-service
create table known_person_identifier (
    fingerprint  char(64)     primary key,
    person_id    uuid         not null references known_person (person_id) on delete cascade
);
create index known_person_identifier_person_idx on known_person_identifier (person_id);

-- an earlier nomination of the same identifier gives a new one its person id (never two ids for one person)
create index mobility_ine_idx on mobility (ine) where ine is not null;
create index mobility_student_number_idx on mobility (student_number) where student_number is not null;
