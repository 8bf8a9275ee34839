-- The change feeds of catalogue items and sessions (GET /api/catalogue/changes, /api/catalogue/sessions/changes)
-- read rows in the order of the transaction that last changed them, and only those of transactions older than every
-- one still running, so that a later commit can never land behind a cursor. A change to an item's requirements
-- changes the item; a seat held or released changes its session (the held count).
create function row_changed() returns trigger language plpgsql as $$
begin
    new.changed_xid := pg_current_xact_id();
    new.changed_at := now();
    return new;
end $$;

alter table catalogue_item add column changed_at  timestamptz not null default now();
alter table catalogue_item add column changed_xid xid8        not null default pg_current_xact_id();
create trigger catalogue_item_changed before insert or update on catalogue_item for each row execute function row_changed();
create index catalogue_item_feed_idx on catalogue_item (changed_xid, id);

alter table catalogue_session add column changed_at  timestamptz not null default now();
alter table catalogue_session add column changed_xid xid8        not null default pg_current_xact_id();
create trigger catalogue_session_changed before insert or update on catalogue_session for each row execute function row_changed();
create index catalogue_session_feed_idx on catalogue_session (changed_xid, id);

create function catalogue_item_part_changed() returns trigger language plpgsql as $$
begin
    update catalogue_item set changed_at = now()
     where id = case when tg_op = 'DELETE' then old.item_id else new.item_id end;
    return null;
end $$;
create trigger catalogue_item_requirement_changed after insert or update or delete on catalogue_item_requirement
    for each row execute function catalogue_item_part_changed();
