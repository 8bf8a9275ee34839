-- A target counts accepted mobilities (as before) or mobilities whose results the sending institution recognised,
-- which curriculum-service's ResultsRecognised tells.
alter table target add column counts varchar(20) not null default 'ACCEPTED' check (counts in ('ACCEPTED', 'RECOGNISED'));

alter table counted_mobility add column recognised_at timestamptz;
