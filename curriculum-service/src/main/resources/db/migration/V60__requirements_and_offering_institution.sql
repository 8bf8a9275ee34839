-- A compliance requirement says whether its paper must be valid for the whole stay (an insurance, a visa) or only
-- at its start (a vaccination), and which side's coordinator checks it; the host's until an item says otherwise.
alter table catalogue_item_requirement
    add column valid_for_whole_stay boolean,
    add column checked_by varchar(20) not null default 'RECEIVING' check (checked_by in ('SENDING', 'RECEIVING'));
update catalogue_item_requirement
set valid_for_whole_stay = requirement in ('HEALTH_INSURANCE', 'LIABILITY_INSURANCE', 'VISA');
alter table catalogue_item_requirement alter column valid_for_whole_stay set not null;

-- The institution that offers an item: every item so far is SJTUSM's; a French partner's placements for outbound
-- Chinese students are its own.
alter table catalogue_item add column offered_by varchar(100) not null default 'sjtu.edu.cn';
alter table catalogue_item alter column offered_by drop default;
create index catalogue_item_offered_by_idx on catalogue_item (offered_by);
