-- A supervisor's name was stored as sent: in NFC from here on, as every service stores a person's name (one
-- typed on macOS arrives decomposed, NFD, and would not equal its composed twin).
update catalogue_item set supervisor_name = normalize(supervisor_name, NFC)
where supervisor_name <> normalize(supervisor_name, NFC);
