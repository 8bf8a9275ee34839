-- The documents' change feed (GET /api/mobilities/documents/changes) reads documents in the order of the transaction
-- that last changed them (an upload, a review, an expiry, an erasure), and only those of transactions older than
-- every one still running, so that a later commit can never land behind a cursor.
alter table document add column changed_at  timestamptz not null default now();
alter table document add column changed_xid xid8        not null default pg_current_xact_id();

create function document_changed() returns trigger language plpgsql as $$
begin
    new.changed_xid := pg_current_xact_id();
    new.changed_at := now();
    return new;
end $$;
create trigger document_changed before insert or update on document for each row execute function document_changed();

create index document_feed_idx on document (changed_xid, id);
