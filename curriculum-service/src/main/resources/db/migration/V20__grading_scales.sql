-- Grading scales as data, per institution: a numeric range with a pass mark, labels in order (best first) with
-- the lowest passing one, or pass/fail. Grades are text ("13.5", "B", "PASS") checked against their scale.
create table grading_scale (
    id           uuid          primary key,
    institution  varchar(100)  not null,
    code         varchar(30)   not null,
    name         varchar(200)  not null,
    kind         varchar(10)   not null check (kind in ('NUMERIC', 'LABELS', 'PASS_FAIL')),
    minimum      numeric(7, 2),
    maximum      numeric(7, 2),
    pass_mark    numeric(7, 2),
    decimals     int           check (decimals between 0 and 2),
    labels       jsonb,
    lowest_pass  varchar(30),
    created_at   timestamptz   not null default now(),
    constraint grading_scale_code unique (institution, code),
    constraint grading_scale_numeric check (kind <> 'NUMERIC' or (minimum < maximum and pass_mark between minimum and maximum
                                                                 and decimals is not null)),
    constraint grading_scale_labels check (kind <> 'LABELS' or (labels is not null and lowest_pass is not null))
);

-- A declared conversion from one scale into another: rows (from, to) as JSON, checked against both scales.
create table grade_conversion_table (
    id             uuid         primary key,
    from_scale_id  uuid         not null references grading_scale (id),
    to_scale_id    uuid         not null references grading_scale (id),
    rows           jsonb        not null,
    declared_by    varchar(200) not null,
    created_at     timestamptz  not null default now(),
    constraint grade_conversion_table_pair unique (from_scale_id, to_scale_id),
    constraint grade_conversion_table_two_scales check (from_scale_id <> to_scale_id)
);

-- How many students of a reference group had each passing grade of a scale (the ECTS grading table). A new
-- record for the same group replaces the old one for later conversions; conversions made keep naming theirs.
create table grade_distribution (
    id               uuid         primary key,
    scale_id         uuid         not null references grading_scale (id),
    reference_group  varchar(100) not null,
    counts           jsonb        not null,
    recorded_by      varchar(200) not null,
    created_at       timestamptz  not null default now()
);
create index grade_distribution_group_idx on grade_distribution (scale_id, reference_group, created_at desc);

-- The scales of the founding institutions: French 0-20 (pass at 10), SJTUSM's 100-point scale (pass at 60),
-- ECTS grades A-E (FX and F fail), and pass/fail for ungraded clinical work.
insert into grading_scale (id, institution, code, name, kind, minimum, maximum, pass_mark, decimals, labels, lowest_pass) values
    ('00000000-0000-4000-8000-000000000201', 'univ-lyon1.fr', 'FR-20', 'Notes sur 20', 'NUMERIC', 0, 20, 10, 2, null, null),
    ('00000000-0000-4000-8000-000000000202', 'u-paris.fr', 'FR-20', 'Notes sur 20', 'NUMERIC', 0, 20, 10, 2, null, null),
    ('00000000-0000-4000-8000-000000000203', 'sjtu.edu.cn', 'CN-100', '百分制 (100-point scale)', 'NUMERIC', 0, 100, 60, 1, null, null),
    ('00000000-0000-4000-8000-000000000204', 'univ-lyon1.fr', 'ECTS', 'ECTS grades', 'LABELS', null, null, null, null,
        '["A", "B", "C", "D", "E", "FX", "F"]', 'E'),
    ('00000000-0000-4000-8000-000000000205', 'u-paris.fr', 'ECTS', 'ECTS grades', 'LABELS', null, null, null, null,
        '["A", "B", "C", "D", "E", "FX", "F"]', 'E'),
    ('00000000-0000-4000-8000-000000000206', 'sjtu.edu.cn', 'PF', '合格/不合格 (pass/fail)', 'PASS_FAIL', null, null, null, null, null, null),
    ('00000000-0000-4000-8000-000000000207', 'univ-lyon1.fr', 'PF', 'Validé / non validé', 'PASS_FAIL', null, null, null, null, null, null),
    ('00000000-0000-4000-8000-000000000208', 'u-paris.fr', 'PF', 'Validé / non validé', 'PASS_FAIL', null, null, null, null, null, null);
