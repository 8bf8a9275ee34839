-- The cooperation conditions of an agreement: one direction each, with its quota of places.
create table cooperation_condition (
    agreement_id          uuid         not null references agreement (id) on delete cascade,
    position              int          not null,
    sending_institution   varchar(100) not null,
    receiving_institution varchar(100) not null,
    mobility_type         varchar(40)  not null,
    places_per_year       int          not null check (places_per_year >= 0),
    first_academic_year   char(9)      not null,
    last_academic_year    char(9)      not null,
    minimum_days          int,
    maximum_days          int,
    eqf_level             int          check (eqf_level between 1 and 8),
    isced_code            char(4),
    language              varchar(8),
    cefr_level            char(2),
    staff_days_per_year   int,
    primary key (agreement_id, position)
);
