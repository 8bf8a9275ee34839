-- Webhooks: each institution's subscriptions, the events they may hear of, the queue of deliveries and the record
-- of every attempt. The queue lives here, not in memory, so that a service killed in the middle of retries loses
-- nothing: a delivery claimed by a dispatcher that died is due again when its lease ends.
create table webhook_subscription (
    id                       uuid          primary key,
    institution_code         varchar(100)  not null,
    url                      varchar(2000) not null,
    event_types              text[],                      -- null: every type the institution may hear of
    description              varchar(200),
    secret                   varchar(100)  not null,      -- whsec_<base64>: the receiver needs it, so it is kept
    previous_secret          varchar(100),                -- still signs until previous_secret_until (rotation)
    previous_secret_until    timestamptz,
    enabled                  boolean       not null default true,
    status                   varchar(10)   not null default 'HEALTHY' check (status in ('HEALTHY', 'FAILING')),
    failing_since            timestamptz,
    created_at               timestamptz   not null default now(),
    secret_rotated_at        timestamptz
);
create index webhook_subscription_institution_idx on webhook_subscription (institution_code, created_at, id);

-- The events heard of, kept for replay during the retention period; seq is the order in which they arrived, which
-- is each object's order (Kafka keeps the order per key).
create table webhook_event (
    seq         bigserial     primary key,
    id          uuid          not null unique,
    type        varchar(200)  not null,
    source      varchar(200),
    subject     varchar(200),
    object_key  varchar(200)  not null,                  -- the object whose order it keeps (Audience)
    time        timestamptz   not null,
    data        text          not null,
    parties     text[],                                  -- null: every institution may hear of it (the catalogue)
    received_at timestamptz   not null default now()
);
create index webhook_event_time_idx on webhook_event (time);
create index webhook_event_received_idx on webhook_event (received_at);

-- What an event of an object names, remembered for the later events that do not (an agreement's suspension does
-- not list its parties, a seat event does not name the mobility's institutions, an acceptance not its person).
create table notified_object (
    object_id  varchar(200) primary key,
    parties    text[]       not null,
    person_id  uuid
);

create table webhook_delivery (
    seq              bigserial     primary key,              -- the order of deliveries of one object
    id               uuid          not null unique,
    subscription_id  uuid          not null references webhook_subscription (id) on delete cascade,
    event_id         uuid          not null references webhook_event (id) on delete cascade,
    object_key       varchar(200)  not null,
    status           varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    replay           boolean       not null default false,
    attempts         int           not null default 0,
    next_attempt_at  timestamptz   not null default now(),
    created_at       timestamptz   not null default now(),
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    last_status_code int,
    last_latency_ms  int,
    last_answer      varchar(1000),
    last_error       varchar(300)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_object_idx on webhook_delivery (subscription_id, object_key, seq) where status = 'PENDING';
create index webhook_delivery_log_idx on webhook_delivery (subscription_id, seq);

create table webhook_attempt (
    delivery_id  uuid          not null references webhook_delivery (id) on delete cascade,
    attempt      int           not null,
    at           timestamptz   not null,
    status_code  int,
    latency_ms   int           not null,
    answer       varchar(1000),
    error        varchar(300),
    primary key (delivery_id, attempt)
);

-- Mail waiting for the SMTP server: written in the transaction of what it tells, sent and marked by the sender.
create table outgoing_mail (
    id          uuid          primary key,
    recipient   varchar(320)  not null,
    person_id   uuid,
    subject     varchar(300)  not null,
    body        text          not null,
    created_at  timestamptz   not null default now(),
    sent_at     timestamptz,
    attempts    int           not null default 0,
    next_attempt_at timestamptz not null default now()
);
create index outgoing_mail_due_idx on outgoing_mail (next_attempt_at) where sent_at is null;
