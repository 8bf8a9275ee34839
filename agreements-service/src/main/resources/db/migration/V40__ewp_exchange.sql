-- Erasmus Without Paper exchange (docs/interop/ewp.md).

-- When an agreement last changed, kept by the database on every update of its row (a change of its parties or
-- conditions updates the row too: its version goes up), for the IIAs index: "agreements changed since".
alter table agreement add column changed_at timestamptz not null default now();
create index agreement_changed_idx on agreement (changed_at);

create function agreement_changed() returns trigger language plpgsql as $$
begin
    new.changed_at := now();
    return new;
end
$$;
create trigger agreement_changed before update on agreement for each row execute function agreement_changed();

-- Drafts imported from an IIAs "get" response: the file as received (one row per iia of the file), the
-- partner's own ids for the agreement, which an export names again, and what of the IIA the draft does not keep.
create table ewp_iia_import (
    agreement_id    uuid         primary key references agreement (id) on delete cascade,
    file_sha256     char(64)     not null,
    position        int          not null check (position >= 1),
    source          bytea        not null,
    iia_hash        char(64)     not null,
    partner_hei_id  varchar(100) not null,
    partner_iia_id  varchar(200),
    partner_iia_code varchar(500),
    not_kept        jsonb        not null,
    imported_by     varchar(200) not null,
    imported_at     timestamptz  not null default now(),
    unique (file_sha256, position)
);
