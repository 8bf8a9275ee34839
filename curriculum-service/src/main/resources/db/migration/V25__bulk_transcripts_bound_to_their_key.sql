-- A transcript or recognition made by a bulk request sent with an Idempotency-Key records the key's creation key and
-- its row, unique together: a retry that takes over the key of a request that died answers the rows already done
-- and makes only the others.
alter table transcript add column creation_key uuid;
alter table transcript add column creation_row int;
alter table transcript add constraint transcript_creation_row_unique unique (creation_key, creation_row);
alter table transcript add constraint transcript_creation_row_with_key check ((creation_key is null) = (creation_row is null));

alter table recognition add column creation_key uuid;
alter table recognition add column creation_row int;
alter table recognition add constraint recognition_creation_row_unique unique (creation_key, creation_row);
alter table recognition add constraint recognition_creation_row_with_key check ((creation_key is null) = (creation_row is null));
