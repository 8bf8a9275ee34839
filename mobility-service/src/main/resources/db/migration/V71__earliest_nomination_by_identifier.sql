-- A nomination without a person id takes the person of the first earlier nomination with the same INE or SJTU
-- student number (people/KnownPeople): "where ine = ? order by created_at limit 1". With an index on the identifier
-- alone, a student nominated many times made PostgreSQL read and sort all their nominations (2.6 ms of PostgreSQL
-- CPU per nomination in NominationBenchmark, which nominates one INE over and over); with the creation time in the
-- index the first one is read directly.
drop index mobility_ine_idx;
drop index mobility_student_number_idx;
create index mobility_ine_idx on mobility (ine, created_at) where ine is not null;
create index mobility_student_number_idx on mobility (student_number, created_at) where student_number is not null;
