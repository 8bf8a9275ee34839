package org.passerelle.identity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import org.hibernate.annotations.EmbeddedColumnNaming;
import org.passerelle.identity.events.InstitutionChanged;
import org.passerelle.identity.events.InstitutionEvent;
import org.passerelle.identity.events.InstitutionRegistered;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A university, school or hospital taking part in the cooperation, known by its SCHAC code, and by the codes it
 * had before (Université Paris Cité is a merged, renamed university). Its units form a tree: faculties and
 * hospitals, each with its departments.
 *
 * <p>An aggregate of identity-service: its registration and changes go through its methods, which enforce its rules
 * and return the events they cause; InstitutionService loads, calls, saves and hands the events to DomainEvents. That
 * its codes are no other institution's is checked by InstitutionService, against the others.
 */
@Entity
public class Institution {

    @Id
    public UUID id;

    @Column(name = "schac_code", nullable = false, unique = true)
    public String schacCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "institution_previous_code", joinColumns = @JoinColumn(name = "institution_id"))
    @Column(name = "schac_code")
    @OrderBy
    public Set<String> previousSchacCodes = new LinkedHashSet<>();

    /** As registered, with its padding; matched by {@link ErasmusCode#key}. */
    @Column(name = "erasmus_code")
    public String erasmusCode;

    @Column(name = "erasmus_code_key")
    String erasmusCodeKey;

    public String pic;

    @Embedded
    @EmbeddedColumnNaming("name_%s")
    public LocalizedText name;

    @Column(name = "country_code", nullable = false)
    public String countryCode;

    /** True for demo institutions whose details are not known facts. */
    public boolean illustrative;

    /** For a real institution in the demo data: the details that are illustrative ("erasmusCode", "pic"). */
    @Column(name = "illustrative_details", columnDefinition = "text[]")
    public String[] illustrativeDetails = new String[0];

    @Column(name = "registration_announced")
    boolean registrationAnnounced;

    @OneToMany(mappedBy = "institution", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("position")
    public List<InstitutionUnit> units = new ArrayList<>();

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    /** A new institution and the event that announces it. */
    public record Registered(Institution institution, List<InstitutionEvent> events) {
    }

    /** A new institution, announced at once (so its row is written once, already announced). */
    public static Registered register(InstitutionDetails details, Instant at) {
        var institution = new Institution();
        institution.id = UUID.randomUUID();
        institution.apply(details);
        return new Registered(institution, institution.announceRegistration(at));
    }

    /**
     * Changes the institution. A SCHAC code that is replaced becomes a previous code, so that what was recorded
     * under it (agreements, nominations) still finds the institution. InstitutionChanged carries the whole state.
     */
    public List<InstitutionEvent> change(InstitutionDetails details, Instant at) {
        var previous = new LinkedHashSet<>(details.previousSchacCodes());
        if (!schacCode.equals(details.schacCode())) {
            previous.add(schacCode);
        }
        previous.remove(details.schacCode());
        apply(new InstitutionDetails(details.schacCode(), List.copyOf(previous), details.erasmusCode(), details.pic(),
                details.name(), details.countryCode(), details.units()));
        return List.of(InstitutionChanged.of(this, at));
    }

    private void apply(InstitutionDetails details) {
        checkCodes(details);
        schacCode = details.schacCode();
        previousSchacCodes.clear();
        previousSchacCodes.addAll(details.previousSchacCodes());
        erasmusCode = details.erasmusCode() == null || details.erasmusCode().isBlank() ? null : details.erasmusCode().strip();
        erasmusCodeKey = ErasmusCode.key(erasmusCode);
        pic = details.pic();
        name = details.name();
        countryCode = details.countryCode();
        arrangeUnits(details.units());
    }

    private static void checkCodes(InstitutionDetails details) {
        var problems = new InvalidFieldsException.Collector();
        var seen = new HashSet<String>();
        for (int i = 0; i < details.previousSchacCodes().size(); i++) {
            String code = details.previousSchacCodes().get(i);
            problems.check(!code.equals(details.schacCode()), "previousSchacCodes[" + i + "]", "institution.previous-is-current")
                    .check(seen.add(code), "previousSchacCodes[" + i + "]", "institution.code-twice");
        }
        problems.throwIfAny();
    }

    /** All SCHAC codes the institution answers to: the current one first. */
    public List<String> allSchacCodes() {
        var codes = new ArrayList<String>();
        codes.add(schacCode);
        codes.addAll(previousSchacCodes);
        return codes;
    }

    public String erasmusCodeKey() {
        return erasmusCodeKey;
    }

    /**
     * Announces the registration once: InstitutionRegistered the first time, nothing after. The institutions the
     * migrations seeded were registered without it, and are announced when the service starts.
     */
    public List<InstitutionEvent> announceRegistration(Instant at) {
        if (registrationAnnounced) {
            return List.of();
        }
        registrationAnnounced = true;
        return List.of(InstitutionRegistered.of(this, at));
    }

    // ---- units --------------------------------------------------------------------------------------------

    /**
     * Replaces the tree of units by the planned one. Units named by id keep their id (and are updated in place);
     * units no longer planned are removed. Every broken rule is reported with its field.
     */
    private void arrangeUnits(List<UnitPlan> plans) {
        Map<UUID, InstitutionUnit> existing = new HashMap<>();
        units.forEach(u -> existing.put(u.id, u));
        var problems = new InvalidFieldsException.Collector();
        var arranged = new ArrayList<InstitutionUnit>();
        var seenIds = new HashSet<UUID>();
        for (int i = 0; i < plans.size(); i++) {
            place(plans.get(i), null, "units[" + i + "]", existing, seenIds, arranged, problems);
        }
        problems.throwIfAny();
        units.retainAll(arranged);
        for (var unit : arranged) {
            if (!units.contains(unit)) {
                units.add(unit);
            }
        }
        units.sort(java.util.Comparator.comparingInt(u -> u.position));
    }

    private void place(UnitPlan plan, InstitutionUnit parent, String field, Map<UUID, InstitutionUnit> existing,
                       Set<UUID> seenIds, List<InstitutionUnit> arranged, InvalidFieldsException.Collector problems) {
        boolean fits = parent == null ? plan.kind().isTopLevel() : parent.kind.canContain(plan.kind());
        problems.check(fits, field + ".kind", parent == null ? "unit.top-level" : "unit.parent", plan.kind(),
                parent == null ? null : parent.kind);
        InstitutionUnit unit;
        if (plan.id() == null) {
            unit = new InstitutionUnit();
            unit.id = UUID.randomUUID();
            unit.institution = this;
        } else {
            unit = existing.get(plan.id());
            problems.check(unit != null, field + ".id", "unit.unknown", plan.id())
                    .check(seenIds.add(plan.id()), field + ".id", "unit.twice", plan.id());
            if (unit == null || arranged.contains(unit)) {
                return;
            }
        }
        unit.kind = plan.kind();
        unit.name = plan.name();
        unit.parentId = parent == null ? null : parent.id;
        unit.position = arranged.size();
        arranged.add(unit);
        for (int i = 0; i < plan.units().size(); i++) {
            place(plan.units().get(i), unit, field + ".units[" + i + "]", existing, seenIds, arranged, problems);
        }
    }
}
