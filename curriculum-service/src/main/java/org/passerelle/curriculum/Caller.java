package org.passerelle.curriculum;

/**
 * Who calls, from their token: the subject (the account id, which names a supervisor), the institution claim
 * and whether they act for the international office.
 */
public record Caller(String account, String institution, boolean admin) {

    /** The international office changes every item; a supervisor only the items they supervise. */
    public void requireMaySupervise(CatalogueItem item) {
        if (!admin && !item.isSupervisedBy(account)) {
            throw new org.passerelle.runtime.problem.ProblemException(CurriculumProblems.NOT_SUPERVISOR, item.id);
        }
    }
}
