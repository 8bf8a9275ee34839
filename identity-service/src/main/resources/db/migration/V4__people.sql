-- People: students and staff. Their personal data lives in these two tables only (and the username of their
-- account), so that it can be exported and erased in one place.
create table person (
    id                 uuid         primary key,
    kind               varchar(10)  not null check (kind in ('STUDENT', 'STAFF')),
    institution_code   varchar(100) not null,          -- SCHAC code of the home institution
    given_name         varchar(200) not null,          -- Latin script, with its accents and apostrophes
    family_name        varchar(200) not null,
    given_name_hanzi   varchar(100),                   -- Chinese characters, with their pinyin
    family_name_hanzi  varchar(100),
    given_name_pinyin  varchar(200),
    family_name_pinyin varchar(200),
    date_of_birth      date,
    nationality        char(2),
    email              varchar(320) not null,
    created_at         timestamptz  not null default now(),
    version            bigint       not null default 0
);
create index person_institution_idx on person (institution_code, family_name, given_name, id);

-- Identifiers of people: one person per identifier, enforced here so that two concurrent registrations
-- cannot both succeed. A passport number is unique within its issuing country.
create table person_identifier (
    person_id       uuid         not null references person (id) on delete cascade,
    scheme          varchar(30)  not null check (scheme in ('INE', 'SJTU_STUDENT_NUMBER', 'ESI', 'PASSPORT')),
    value           varchar(200) not null,
    issuing_country char(2),
    match_key       varchar(210) not null generated always as (coalesce(issuing_country || ':', '') || value) stored,
    constraint person_identifier_unique unique (scheme, match_key)
);
create index person_identifier_person_idx on person_identifier (person_id);
create index person_identifier_value_idx on person_identifier (value);
