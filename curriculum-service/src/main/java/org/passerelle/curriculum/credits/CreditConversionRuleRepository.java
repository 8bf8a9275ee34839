package org.passerelle.curriculum.credits;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CreditConversionRuleRepository implements PanacheRepositoryBase<CreditConversionRule, UUID> {

    /** The rule of a pair, whichever of the two the caller names first. */
    public Optional<CreditConversionRule> forPair(String institution, String otherInstitution) {
        return find("(chineseInstitution = :a and partnerInstitution = :b) or (chineseInstitution = :b and partnerInstitution = :a)",
                Parameters.with("a", institution).and("b", otherInstitution)).firstResultOptional();
    }

    public Page<CreditConversionRule> list(String institution, PageRequest request) {
        var sort = Sort.by("chineseInstitution").and("partnerInstitution").and("id");
        var query = institution == null ? findAll(sort)
                : find("chineseInstitution = :i or partnerInstitution = :i", sort, Parameters.with("i", institution));
        return Page.of(query.page(request.page, request.size).list(), request, query.count());
    }
}
