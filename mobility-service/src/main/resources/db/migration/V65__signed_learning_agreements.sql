-- The signed copy of a learning agreement version: a PDF kept as a document of the mobility (kind
-- SIGNED_LEARNING_AGREEMENT, its bytes in document_content, erased with the person's other documents), bound to the
-- version it signs and to that version's content hash, which the upload names.
alter table document add column learning_agreement_version uuid references learning_agreement_version (id) on delete cascade;
alter table document add column learning_agreement_hash char(64);
alter table document add constraint document_signed_copy check (
    (kind = 'SIGNED_LEARNING_AGREEMENT') = (learning_agreement_version is not null and learning_agreement_hash is not null));
create index document_learning_agreement_version_idx on document (learning_agreement_version) where learning_agreement_version is not null;
