-- The institutions agreements may name (SCHAC codes, current and previous), from identity-service's
-- InstitutionRegistered and InstitutionChanged events. The founding institutions are known from the start, so
-- that agreements can be drafted before identity-service's first events arrive; the events then confirm them.
create table known_institution (
    schac_code      varchar(100) primary key,
    institution_id  uuid,
    current_code    varchar(100) not null,
    name_en         varchar(500) not null,
    changed_at      timestamptz  not null default now()
);

insert into known_institution (schac_code, current_code, name_en) values
    ('sjtu.edu.cn', 'sjtu.edu.cn', 'Shanghai Jiao Tong University School of Medicine'),
    ('u-paris.fr', 'u-paris.fr', 'Université Paris Cité'),
    ('univ-lyon1.fr', 'univ-lyon1.fr', 'Université Claude Bernard Lyon 1'),
    ('jmc-school-3.example', 'jmc-school-3.example', 'Joint Medical College school 3 (illustrative)'),
    ('jmc-school-4.example', 'jmc-school-4.example', 'Joint Medical College school 4 (illustrative)'),
    ('jmc-school-5.example', 'jmc-school-5.example', 'Joint Medical College school 5 (illustrative)');
