-- Erasures of people (GDPR, PIPL): the person's rows are deleted; what stays is that someone was erased, when,
-- by whom and why. The reason is written by the international office and must not name the person.
create table person_erasure (
    person_id        uuid          primary key,
    kind             varchar(10)   not null,
    institution_code varchar(100)  not null,
    reason           varchar(2000) not null,
    erased_by        varchar(200)  not null,   -- the token subject of the international office's member
    erased_at        timestamptz   not null
);
