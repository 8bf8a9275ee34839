-- Items and sessions created by a bulk sent with an Idempotency-Key record the key's creation key and their row,
-- unique together: a retry after the first request died answers those rows instead of creating them again.
alter table catalogue_item add column creation_key uuid, add column creation_row integer;
alter table catalogue_item add constraint catalogue_item_creation_row_unique unique (creation_key, creation_row);
alter table catalogue_session add column creation_key uuid, add column creation_row integer;
alter table catalogue_session add constraint session_creation_row_unique unique (creation_key, creation_row);
