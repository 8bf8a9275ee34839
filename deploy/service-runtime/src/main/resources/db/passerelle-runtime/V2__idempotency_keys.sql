-- Creations made under an Idempotency-Key, with their first answer: a retried request gets it again.
create table idempotent_creation (
    caller          varchar(200) not null,       -- who sent it (token subject), so keys of callers never collide
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null,       -- the same key with another body is a client error
    status          int          not null,
    location        varchar(2000),
    body            text         not null,
    created_at      timestamptz  not null default now(),
    primary key (caller, idempotency_key)
);
