package org.passerelle.mobility.agreements;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;

import java.util.UUID;

@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    /**
     * Agreements in force that {@code reach} is party to (every one for null, the international office), optionally
     * only those another institution is party to as well; by id for stable pages.
     */
    public Page<Agreement> openForNominations(String reach, String party, PageRequest request) {
        var query = new StringBuilder("status = :status");
        var parameters = Parameters.with("status", Agreement.Status.ACTIVE);
        if (reach != null) {
            query.append(" and array_contains(parties, :reach)");
            parameters.and("reach", reach);
        }
        if (party != null) {
            query.append(" and array_contains(parties, :party)");
            parameters.and("party", party);
        }
        var found = find(query.toString(), Sort.by("id"), parameters);
        return Page.of(found.page(request.page, request.size).list(), request, found.count());
    }
}
