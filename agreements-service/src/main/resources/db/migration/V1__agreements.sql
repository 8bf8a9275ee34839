-- Agreements between institutions (SCHAC codes). Versions, conditions and approvals come with their use cases.
create table agreement (
    id          uuid primary key,
    kind        varchar(30)  not null check (kind in ('FRAMEWORK', 'BILATERAL_EXCHANGE', 'RESEARCH_COOPERATION')),
    status      varchar(20)  not null check (status in ('DRAFT', 'PROPOSED', 'ACTIVE', 'SUSPENDED', 'TERMINATED', 'EXPIRED')),
    title_fr    varchar(500) not null,
    title_en    varchar(500) not null,
    title_zh    varchar(500) not null,
    created_at  timestamptz  not null default now(),
    version     bigint       not null default 0
);
create index agreement_status_idx on agreement (status);
