-- Parties of an agreement (institutions by SCHAC code) and the content each approved.
alter table agreement add column first_academic_year char(9);
alter table agreement add column last_academic_year  char(9);
alter table agreement add column content_hash        varchar(64);
alter table agreement add column termination_reason  varchar(2000);

create table agreement_party (
    agreement_id   uuid         not null references agreement (id) on delete cascade,
    institution    varchar(100) not null,
    approved_hash  varchar(64),
    approved_at    timestamptz,
    primary key (agreement_id, institution)
);
