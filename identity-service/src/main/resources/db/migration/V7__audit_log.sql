-- Reads of personal data in any service: who (token subject, institution), when, what (the operation and the people
-- whose data it answered). identity-service's own reads are written here directly; the other services' arrive as
-- PersonalDataRead events. Kept after a person's erasure: who read their data stays accountable.
create table personal_data_read (
    id                 uuid          primary key,
    service            varchar(40)   not null,
    actor              varchar(200),
    actor_institution  varchar(100),
    resource           varchar(200)  not null,
    person_ids         uuid[]        not null,
    read_at            timestamptz   not null
);
create index personal_data_read_at_idx on personal_data_read (read_at, id);
create index personal_data_read_actor_idx on personal_data_read (actor, read_at);
create index personal_data_read_people_idx on personal_data_read using gin (person_ids);
