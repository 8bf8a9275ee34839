-- The learning agreements' change feed (GET /api/mobilities/learning-agreements/changes) reads them in the order of
-- the transaction that last changed them, and only those of transactions older than every one still running, so
-- that a later commit can never land behind a cursor. A version proposed, approved or withdrawn changes its
-- learning agreement.
alter table learning_agreement add column changed_at  timestamptz not null default now();
alter table learning_agreement add column changed_xid xid8        not null default pg_current_xact_id();

create function learning_agreement_changed() returns trigger language plpgsql as $$
begin
    new.changed_xid := pg_current_xact_id();
    new.changed_at := now();
    return new;
end $$;
create trigger learning_agreement_changed before insert or update on learning_agreement
    for each row execute function learning_agreement_changed();

create function learning_agreement_version_changed() returns trigger language plpgsql as $$
begin
    update learning_agreement set changed_at = now()
     where mobility_id = case when tg_op = 'DELETE' then old.mobility_id else new.mobility_id end;
    return null;
end $$;
create trigger learning_agreement_version_changed after insert or update or delete on learning_agreement_version
    for each row execute function learning_agreement_version_changed();

create index learning_agreement_feed_idx on learning_agreement (changed_xid, mobility_id);
