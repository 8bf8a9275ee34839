package org.passerelle.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;

import java.util.UUID;

@ApplicationScoped
public class InstitutionRepository implements PanacheRepositoryBase<Institution, UUID> {

    /** Institutions of a country (or all), ordered by SCHAC code so that pages are stable. */
    public Page<Institution> list(String countryCode, PageRequest request) {
        var query = countryCode == null
                ? findAll(Sort.by("schacCode"))
                : find("countryCode = :country", Sort.by("schacCode"), Parameters.with("country", countryCode));
        var items = query.page(request.page, request.size).list();
        return Page.of(items, request, query.count());
    }
}
