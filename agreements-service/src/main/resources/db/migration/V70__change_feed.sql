-- The agreements' change feed (GET /api/agreements/changes) reads agreements in the order of the transaction that
-- last changed them, and only those of transactions older than every one still running, so that a later commit can
-- never land behind a cursor. A change to a party (its approval), a condition or a version changes the agreement.
-- changed_at came with the IIAs index (V40); the feed adds the transaction, on creation too.
alter table agreement add column changed_xid xid8 not null default pg_current_xact_id();

create or replace function agreement_changed() returns trigger language plpgsql as $$
begin
    new.changed_xid := pg_current_xact_id();
    new.changed_at := now();
    return new;
end $$;
drop trigger agreement_changed on agreement;
create trigger agreement_changed before insert or update on agreement for each row execute function agreement_changed();

create function agreement_part_changed() returns trigger language plpgsql as $$
begin
    update agreement set changed_at = now()
     where id = case when tg_op = 'DELETE' then old.agreement_id else new.agreement_id end;
    return null;
end $$;
create trigger agreement_party_changed after insert or update or delete on agreement_party
    for each row execute function agreement_part_changed();
create trigger cooperation_condition_changed after insert or update or delete on cooperation_condition
    for each row execute function agreement_part_changed();
create trigger agreement_version_changed after insert or update or delete on agreement_version
    for each row execute function agreement_part_changed();

create index agreement_feed_idx on agreement (changed_xid, id);
