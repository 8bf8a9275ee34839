-- Items of the catalogue. Kind-specific details and sessions come with their use cases.
create table catalogue_item (
    id                 uuid primary key,
    kind               varchar(30)  not null check (kind in ('BASIC_COURSE', 'CLINICAL_INTERNSHIP', 'RESEARCH_PLACEMENT', 'SUMMER_PROGRAMME')),
    title_fr           varchar(500) not null,
    title_en           varchar(500) not null,
    title_zh           varchar(500) not null,
    teaching_language  varchar(8)   not null,
    created_at         timestamptz  not null default now(),
    version            bigint       not null default 0
);
create index catalogue_item_kind_idx on catalogue_item (kind);
