-- How many ECTS one Chinese credit is worth between SJTUSM (or another Chinese institution) and a partner.
create table credit_conversion_rule (
    id                       uuid          primary key,
    chinese_institution      varchar(100)  not null,
    partner_institution      varchar(100)  not null,
    ects_per_chinese_credit  numeric(4, 2) not null check (ects_per_chinese_credit > 0),
    created_at               timestamptz   not null default now(),
    version                  bigint        not null default 0,
    constraint credit_conversion_rule_pair unique (chinese_institution, partner_institution),
    constraint credit_conversion_rule_two_institutions check (chinese_institution <> partner_institution)
);
