-- What an agreement asks of every mobility under it, in both directions, whatever the sessions (e.g. a liability
-- insurance for every mobility of a clinical exchange); set in mobility-service, which knows the agreements and
-- their parties from agreements-service's events.
create table agreement_requirement (
    agreement_id          uuid         not null references agreement (id) on delete cascade,
    kind                  varchar(50)  not null,
    valid_for_whole_stay  boolean      not null,
    checked_by            varchar(20)  not null check (checked_by in ('SENDING', 'RECEIVING')),
    set_at                timestamptz  not null default now(),
    primary key (agreement_id, kind)
);
create index mobility_agreement_open_idx on mobility (agreement_id) where status in ('NOMINATED', 'ACCEPTED', 'IN_PROGRESS');
