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

    /** Agreements in force, optionally only those an institution is party to; by id for stable pages. */
    public Page<Agreement> openForNominations(String party, PageRequest request) {
        var sort = Sort.by("id");
        var query = party == null
                ? find("status = :status", sort, Parameters.with("status", Agreement.Status.ACTIVE))
                : find("status = :status and array_contains(parties, :party)", sort,
                        Parameters.with("status", Agreement.Status.ACTIVE).and("party", party));
        return Page.of(query.page(request.page, request.size).list(), request, query.count());
    }
}
