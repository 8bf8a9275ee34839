package org.passerelle.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.passerelle.runtime.paging.Page;
import org.passerelle.runtime.paging.PageRequest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

@ApplicationScoped
public class InstitutionRepository implements PanacheRepositoryBase<Institution, UUID> {

    /** What people look institutions up by; any of them may be absent. */
    public record Filter(String countryCode, String schacCode, String erasmusCode, String pic) {
    }

    /**
     * Institutions matching the filter, ordered by SCHAC code so that pages are stable. A SCHAC code matches the
     * current code or a previous one; an Erasmus code matches whatever its spacing.
     */
    public Page<Institution> list(Filter filter, PageRequest request) {
        var where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.countryCode() != null) {
            where.add("i.countryCode = :country");
            parameters.put("country", filter.countryCode());
        }
        if (filter.schacCode() != null) {
            where.add("(i.schacCode = :schac or :schac member of i.previousSchacCodes)");
            parameters.put("schac", filter.schacCode());
        }
        if (ErasmusCode.key(filter.erasmusCode()) != null) {
            where.add("i.erasmusCodeKey = :erasmus");
            parameters.put("erasmus", ErasmusCode.key(filter.erasmusCode()));
        }
        if (filter.pic() != null) {
            where.add("i.pic = :pic");
            parameters.put("pic", filter.pic());
        }
        var query = find("from Institution i" + where + " order by i.schacCode", parameters);
        return Page.of(query.page(request.page, request.size).list(), request, query.count());
    }

    /** The institution known by this SCHAC code, now or before. */
    public Optional<Institution> findBySchacCode(String code) {
        return find("from Institution i where i.schacCode = ?1 or ?1 member of i.previousSchacCodes", code)
                .firstResultOptional();
    }

    public Optional<Institution> findByErasmusCode(String code) {
        String key = ErasmusCode.key(code);
        return key == null ? Optional.empty() : find("erasmusCodeKey", key).firstResultOptional();
    }

    public Optional<Institution> findByPic(String pic) {
        return pic == null ? Optional.empty() : find("pic", pic).firstResultOptional();
    }

    /** Institutions whose registration was never published (the seeded ones, at their first start). */
    public java.util.List<Institution> unannouncedForUpdate() {
        return find("registrationAnnounced = false order by schacCode")
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list();
    }
}
