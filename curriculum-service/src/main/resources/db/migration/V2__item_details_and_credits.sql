-- What each kind of item needs, its description, credits in both schemes with the rule used, who supervises it,
-- and the normalised text its titles are searched by.
alter table catalogue_item
    add column status                  varchar(20)   not null default 'PUBLISHED' check (status in ('PUBLISHED', 'WITHDRAWN')),
    add column description_fr          text          not null default '',
    add column description_en          text          not null default '',
    add column description_zh          text          not null default '',
    add column code                    varchar(50),
    add column hours                   int           check (hours > 0),
    add column term                    varchar(20),
    add column hospital                varchar(200),
    add column department              varchar(200),
    add column specialty               varchar(200),
    add column duration_weeks          int           check (duration_weeks > 0),
    add column duration_months         int           check (duration_months > 0),
    add column minimum_year_of_study   int           check (minimum_year_of_study between 1 and 8),
    add column laboratory              varchar(300),
    add column principal_investigator  varchar(200),
    add column topic                   varchar(1000),
    add column supervisor_account      varchar(200),
    add column supervisor_name         varchar(200),
    add column ects                    numeric(5, 1) check (ects >= 0),
    add column chinese_credits         numeric(5, 1) check (chinese_credits >= 0),
    add column ects_per_chinese_credit numeric(4, 2) check (ects_per_chinese_credit > 0),
    add column conversion_rule_id      uuid,
    add column search_text             text          not null default '',
    add column updated_at              timestamptz   not null default now();

-- credits are stored in both schemes or not at all: never a converted value alone
alter table catalogue_item add constraint catalogue_item_credits_both
    check ((ects is null) = (chinese_credits is null));

create index catalogue_item_status_title_idx on catalogue_item (status, title_en, id);
create index catalogue_item_supervisor_idx on catalogue_item (supervisor_account);

create table catalogue_item_requirement (
    item_id      uuid        not null references catalogue_item (id) on delete cascade,
    requirement  varchar(50) not null,
    primary key (item_id, requirement)
);
