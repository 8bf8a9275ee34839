-- An IIA file naming an agreement Passerelle already has (the export's own iia-id, or the partner's iia-id an
-- earlier import recorded) amends it instead of making a second draft: an agreement may now have several imports,
-- each named by its file and position. amends_version is the version the import proposed (null: a new draft; the
-- draft's 1 when it revised a draft), and changes what it changed, as the agreement's changes operation shows it.
alter table ewp_iia_import drop constraint ewp_iia_import_pkey;
alter table ewp_iia_import drop constraint ewp_iia_import_file_sha256_position_key;
alter table ewp_iia_import add primary key (file_sha256, position);
alter table ewp_iia_import add column amends_version int;
alter table ewp_iia_import add column changes jsonb;
create index ewp_iia_import_agreement_idx on ewp_iia_import (agreement_id);
create index ewp_iia_import_partner_idx on ewp_iia_import (partner_hei_id, partner_iia_id);
