-- A person registered by a bulk sent with an Idempotency-Key records the key's creation key and the row, unique
-- together: a retry after the first request died answers that row with this person instead of registering again.
alter table person add column creation_key uuid, add column creation_row integer;
alter table person add constraint person_creation_row_unique unique (creation_key, creation_row);
