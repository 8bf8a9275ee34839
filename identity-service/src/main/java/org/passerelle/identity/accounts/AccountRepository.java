package org.passerelle.identity.accounts;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;

import java.util.UUID;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    /** Accounts within reach (one institution, or all when null), by username. */
    public Page<Account> list(String reach, PageRequest request) {
        var query = reach == null
                ? find("order by username, id")
                : find("institution = ?1 order by username, id", reach);
        return Page.of(query.page(request.page, request.size).list(), request, query.count());
    }

    public boolean existsForPerson(UUID personId) {
        return count("personId", personId) > 0;
    }

    public boolean existsWithUsername(String username) {
        return count("username", username) > 0;
    }
}
