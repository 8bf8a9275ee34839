-- SEAT_REFUSED: curriculum-service refused a session a NOMINATED mobility asked for (the seat saga's compensation)
alter table mobility drop constraint mobility_status_check;
alter table mobility add constraint mobility_status_check
    check (status in ('NOMINATED', 'ACCEPTED', 'REJECTED', 'SEAT_REFUSED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'));
