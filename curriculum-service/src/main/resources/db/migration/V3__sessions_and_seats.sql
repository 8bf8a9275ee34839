-- Sessions: an item offered in a period of an academic year, with a capacity. "held" counts the seat holds;
-- it only changes by a conditional update (see SeatLedger), and the check below makes overbooking impossible
-- whatever the code does.
create table catalogue_session (
    id             uuid        primary key,
    item_id        uuid        not null references catalogue_item (id),
    academic_year  char(9)     not null,
    start_date     date        not null,
    end_date       date        not null,
    capacity       int         not null,
    held           int         not null default 0,
    status         varchar(20) not null check (status in ('PLANNED', 'OPEN', 'CLOSED', 'WITHDRAWN')),
    created_at     timestamptz not null default now(),
    version        bigint      not null default 0,
    constraint catalogue_session_period check (end_date >= start_date),
    constraint catalogue_session_within_capacity check (capacity >= 0 and held >= 0 and held <= capacity)
);
create index catalogue_session_item_idx on catalogue_session (item_id);
create index catalogue_session_period_idx on catalogue_session (academic_year, start_date, end_date);

-- One seat of a session held by a mobility; the sending institution decides which coordinators see who holds it.
create table seat_hold (
    session_id           uuid         not null references catalogue_session (id),
    mobility_id          uuid         not null,
    sending_institution  varchar(100) not null,
    person_id            uuid,
    held_at              timestamptz  not null,
    primary key (session_id, mobility_id)
);
create index seat_hold_mobility_idx on seat_hold (mobility_id);
