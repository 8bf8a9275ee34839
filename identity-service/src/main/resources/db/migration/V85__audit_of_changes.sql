-- Changes of personal data join the reads in the audit log: who, when, which operation, whose data and which fields
-- (their names, never their values). identity-service's own changes are written here directly; the other services'
-- arrive as PersonalDataChanged events. For a change, read_at holds when it was made: one time line for both.
alter table personal_data_read
    add column action varchar(6) not null default 'READ' check (action in ('READ', 'CHANGE')),
    add column fields text[]     not null default '{}';
create index personal_data_read_action_idx on personal_data_read (action, read_at);
