package org.passerelle.mobility.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.passerelle.runtime.privacy.ErasedValues;
import org.passerelle.runtime.privacy.Fingerprints;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A person's erasure, for documents: the documents of their mobilities lose their content, their file names and
 * the reasons of their reviews (which may quote the paper); their hash, type, size, dates and statuses stay, so the
 * checklist still shows what was handed in and when. Their account no longer names who uploaded or reviewed a
 * document, or recorded an exception.
 */
@ApplicationScoped
public class DocumentErasure {

    @Inject
    EntityManager entityManager;

    @Inject
    Fingerprints fingerprints;

    /** Erases the documents of one of the person's mobilities; answers how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseDocumentsOf(UUID mobilityId) {
        entityManager.createNativeQuery("delete from document_content where document_id in (select id from document where mobility_id = ?1)")
                .setParameter(1, mobilityId).executeUpdate();
        return entityManager.createNativeQuery("""
                        update document set file_name = ?2, reason = case when reason is null then null else ?2 end where mobility_id = ?1""")
                .setParameter(1, mobilityId).setParameter(2, ErasedValues.MARK).executeUpdate();
    }

    /** Forgets the person's account where it names who uploaded, reviewed or made an exception. */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetAccount(Set<String> prints) {
        for (String column : List.of("uploaded_by", "reviewed_by")) {
            List<String> accounts = entityManager.createNativeQuery("select distinct " + column + " from document where " + column + " is not null")
                    .getResultList();
            for (String account : accounts) {
                if (fingerprints.matches(prints, Fingerprints.ACCOUNT, account)) {
                    entityManager.createNativeQuery("update document set " + column + " = ?2 where " + column + " = ?1")
                            .setParameter(1, account).setParameter(2, ErasedValues.MARK).executeUpdate();
                }
            }
        }
        List<String> recorders = entityManager.createNativeQuery("select distinct exception_by from checklist where exception_by is not null")
                .getResultList();
        for (String account : recorders) {
            if (fingerprints.matches(prints, Fingerprints.ACCOUNT, account)) {
                entityManager.createNativeQuery("update checklist set exception_by = ?2 where exception_by = ?1")
                        .setParameter(1, account).setParameter(2, ErasedValues.MARK).executeUpdate();
            }
        }
    }
}
