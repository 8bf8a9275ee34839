-- A mobility created by a row of a bulk nomination sent with an Idempotency-Key records that key (its creation key,
-- from caller and key) and the row's number, unique together: a retry that takes over a bulk whose first request
-- died finds the rows already done, and the database refuses any row created twice.
alter table mobility add column creation_key uuid;
alter table mobility add column creation_row int;
alter table mobility add constraint mobility_creation_row_unique unique (creation_key, creation_row);
alter table mobility add constraint mobility_creation_row_named
    check ((creation_key is null) = (creation_row is null));
