-- The institutions a caller may act for (SCHAC codes, current and previous), from identity-service's
-- InstitutionRegistered and InstitutionChanged events. The founding institutions are known from the start, so that
-- their staff are served before identity-service's first events arrive; the events then confirm them.
create table known_institution (
    schac_code   varchar(100) primary key,
    current_code varchar(100) not null,
    changed_at   timestamptz  not null default now()
);

insert into known_institution (schac_code, current_code) values
    ('sjtu.edu.cn', 'sjtu.edu.cn'),
    ('u-paris.fr', 'u-paris.fr'),
    ('parisdescartes.fr', 'u-paris.fr'),
    ('univ-paris-diderot.fr', 'u-paris.fr'),
    ('univ-lyon1.fr', 'univ-lyon1.fr'),
    ('jmc-school-3.example', 'jmc-school-3.example'),
    ('jmc-school-4.example', 'jmc-school-4.example'),
    ('jmc-school-5.example', 'jmc-school-5.example');
