-- The transcripts' change feed (GET /api/transcripts/changes) reads a mobility's records in the order of the
-- transaction that last changed them - a transcript issued or corrected, its results recognised at home - and only
-- those of transactions older than every one still running, so that a later commit can never land behind a cursor.
-- Transcript versions and recognitions are rows of their own: this table keeps, per mobility, when they last changed.
create table transcript_change (
    mobility_id  uuid         primary key,
    changed_at   timestamptz  not null default now(),
    changed_xid  xid8         not null default pg_current_xact_id()
);

create function transcript_changed() returns trigger language plpgsql as $$
begin
    insert into transcript_change (mobility_id) values (new.mobility_id)
    on conflict (mobility_id) do update set changed_at = now(), changed_xid = pg_current_xact_id();
    return null;
end $$;
create trigger transcript_changed after insert or update on transcript
    for each row execute function transcript_changed();
create trigger recognition_changed after insert or update on recognition
    for each row execute function transcript_changed();

insert into transcript_change (mobility_id) select distinct mobility_id from transcript;
create index transcript_change_feed_idx on transcript_change (changed_xid, mobility_id);
