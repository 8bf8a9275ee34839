-- Yearly counts from before Passerelle (e.g. 333 students sent to France by 2023), imported by the international
-- office so that a target's baseline is real data. Kept apart from the counted mobilities and marked as imported.
create table target_history (
    target_id      uuid        not null references target (id) on delete cascade,
    academic_year  char(9)     not null,
    count          int         not null check (count >= 0),
    imported_at    timestamptz not null,
    imported_by    varchar(200),
    primary key (target_id, academic_year)
);
