package org.passerelle.identity.accounts;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;

import java.util.UUID;

@ApplicationScoped
public class IntegrationClientRepository implements PanacheRepositoryBase<IntegrationClient, UUID> {

    /** Clients within reach (one institution, or all when null), by client id. */
    public Page<IntegrationClient> list(String reach, PageRequest request) {
        var query = reach == null
                ? find("order by clientId, id")
                : find("institution = ?1 order by clientId, id", reach);
        return Page.of(query.page(request.page, request.size).list(), request, query.count());
    }

    public boolean existsWithClientId(String clientId) {
        return count("clientId", clientId) > 0;
    }
}
