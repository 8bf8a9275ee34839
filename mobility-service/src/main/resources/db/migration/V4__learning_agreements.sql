-- Learning agreements: per mobility, every version of its components (catalogue sessions with credits in ECTS
-- and Chinese credits, and the conversion rule that produced one from the other) and who approved it.

-- One row per mobility that has a learning agreement; revision is its ETag and the row serialises changes
-- (proposals and approvals lock it), so that two parties approving at once both count.
create table learning_agreement (
    mobility_id  uuid    primary key references mobility (id) on delete cascade,
    revision     bigint  not null default 0
);

-- Each proposal is a version; versions are never deleted, only marked APPROVED, SUPERSEDED or WITHDRAWN.
create table learning_agreement_version (
    id            uuid         primary key,
    mobility_id   uuid         not null references learning_agreement (mobility_id) on delete cascade,
    number        int          not null check (number > 0),
    status        varchar(20)  not null check (status in ('PROPOSED', 'APPROVED', 'SUPERSEDED', 'WITHDRAWN')),
    components    jsonb        not null,
    content_hash  char(64)     not null,
    proposed_by   varchar(200) not null,
    proposed_at   timestamptz  not null,
    approvals     jsonb        not null default '[]',
    in_force_from timestamptz,
    ended_at      timestamptz,
    unique (mobility_id, number)
);
-- At most one proposal pending and one version in force per mobility, whatever the code does; checked at commit,
-- since a change withdraws or supersedes one version and adds or approves another in the same transaction.
alter table learning_agreement_version add constraint learning_agreement_one_pending
    exclude using btree (mobility_id with =) where (status = 'PROPOSED') deferrable initially deferred;
alter table learning_agreement_version add constraint learning_agreement_one_in_force
    exclude using btree (mobility_id with =) where (status = 'APPROVED') deferrable initially deferred;
