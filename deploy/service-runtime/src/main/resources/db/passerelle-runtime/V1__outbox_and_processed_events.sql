-- Tables every service has, owned by the service runtime (history table flyway_runtime_history).

-- Events written in the same transaction as the state change they describe; the relay publishes them.
create table outbox_event (
    id              uuid         primary key,            -- CloudEvents id
    position        bigserial    not null unique,        -- publishing order; per aggregate, the commit order
    topic           varchar(200) not null,
    aggregate_id    varchar(100) not null,               -- Kafka record key and CloudEvents subject
    type            varchar(200) not null,               -- CloudEvents type, passerelle.<service>.<Event>.v<N>
    payload         jsonb        not null,
    occurred_at     timestamptz  not null,
    published_at    timestamptz
);
create index outbox_event_unpublished_idx on outbox_event (position) where published_at is null;
create index outbox_event_published_idx on outbox_event (published_at) where published_at is not null;

-- Events this service has handled, recorded in the transaction of their effect: a repeat is skipped.
create table processed_event (
    id              uuid         primary key,
    type            varchar(200) not null,
    processed_at    timestamptz  not null default now()
);
