-- Compliance: the papers a mobility needs (its checklist), the documents handed in for them, and their review.

-- curriculum-service's catalogue as far as checklists need it, from its catalogue events: each item's requirements
-- (CatalogueItemPublished, CatalogueItemChanged) and the item each session belongs to (SessionOpened, SessionClosed).
create table catalogue_requirement (
    item_id               uuid        not null,
    kind                  varchar(50) not null,
    valid_for_whole_stay  boolean     not null,
    checked_by            varchar(20) not null check (checked_by in ('SENDING', 'RECEIVING')),
    primary key (item_id, kind)
);
create table catalogue_session (
    session_id  uuid primary key,
    item_id     uuid not null
);
create index catalogue_session_item_idx on catalogue_session (item_id);

-- What an institution asks of every mobility it receives, whatever the sessions (e.g. a health insurance for
-- every stay at SJTUSM).
create table institution_requirement (
    institution           varchar(100) not null,
    kind                  varchar(50)  not null,
    valid_for_whole_stay  boolean      not null,
    checked_by            varchar(20)  not null check (checked_by in ('SENDING', 'RECEIVING')),
    set_at                timestamptz  not null default now(),
    primary key (institution, kind)
);

-- Each mobility's checklist: a line per kind of paper required, derived from its sessions' items and its receiving
-- institution, recomputed when they change. complete is what ChecklistCompleted was last published for; an
-- exception lets the mobility start all the same, with the international office's reason.
create table checklist (
    mobility_id             uuid          primary key references mobility (id) on delete cascade,
    complete                boolean       not null default false,
    recomputed_at           timestamptz   not null,
    exception_reason        varchar(2000),
    exception_by            varchar(200),
    exception_at            timestamptz
);
create table checklist_line (
    mobility_id           uuid        not null references checklist (mobility_id) on delete cascade,
    kind                  varchar(50) not null,
    valid_for_whole_stay  boolean     not null,
    checked_by            varchar(20) not null check (checked_by in ('SENDING', 'RECEIVING')),
    primary key (mobility_id, kind)
);

-- Documents: each upload for a line is a new version; the latest (current) meets the line, the others are history.
create table document (
    id              uuid          primary key,
    mobility_id     uuid          not null references mobility (id) on delete cascade,
    kind            varchar(50)   not null,
    version         int           not null check (version > 0),
    current         boolean       not null,
    file_name       varchar(255)  not null,
    media_type      varchar(30)   not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes      bigint        not null check (size_bytes > 0),
    sha256          char(64)      not null,
    valid_from      date,
    valid_until     date,
    status          varchar(20)   not null check (status in ('SUBMITTED', 'ACCEPTED', 'REJECTED', 'EXPIRED')),
    reason          varchar(2000),
    uploaded_by     varchar(200)  not null,
    uploaded_at     timestamptz   not null,
    reviewed_by     varchar(200),
    reviewed_at     timestamptz,
    reminded_days   int,
    unique (mobility_id, kind, version),
    constraint document_validity check (valid_until is null or valid_from is null or valid_until >= valid_from)
);
create unique index document_one_current on document (mobility_id, kind) where current;
create index document_expiry_idx on document (valid_until) where current and status = 'ACCEPTED';

-- The bytes of each document in parts of at most 1 MiB, written and read one part at a time (never the whole file
-- in memory); erased with the document's file name by a person's erasure.
create table document_content (
    document_id  uuid   not null references document (id) on delete cascade,
    part         int    not null check (part >= 0),
    bytes        bytea  not null,
    primary key (document_id, part)
);
