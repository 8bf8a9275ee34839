package org.passerelle.curriculum;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.EmbeddedColumnNaming;
import org.passerelle.curriculum.events.CatalogueEvent;
import org.passerelle.curriculum.events.CatalogueItemChanged;
import org.passerelle.curriculum.events.CatalogueItemPublished;
import org.passerelle.curriculum.events.CatalogueItemWithdrawn;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.ProblemException;
import org.passerelle.runtime.text.LocalizedText;
import org.passerelle.runtime.text.SearchText;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.passerelle.curriculum.CatalogueItemKind.BASIC_COURSE;
import static org.passerelle.curriculum.CatalogueItemKind.CLINICAL_INTERNSHIP;
import static org.passerelle.curriculum.CatalogueItemKind.RESEARCH_PLACEMENT;
import static org.passerelle.curriculum.CatalogueItemKind.SUMMER_PROGRAMME;

/**
 * Something a mobile student can follow: a basic course, a clinical internship, a research placement, a summer programme.
 *
 * <p>An aggregate of curriculum-service (its sessions are the other): it changes only through its methods, which
 * enforce its rules and return the events they cause; CatalogueService loads, calls, saves and hands the events to
 * DomainEvents.
 */
@Entity
@Table(name = "catalogue_item")
public class CatalogueItem {

    /** Everything that describes an item, as a request or a revision gives it. */
    public record Details(CatalogueItemKind kind, LocalizedText title, LocalizedText description, String teachingLanguage,
                          String code, Integer hours, Term term,
                          String hospital, String department, String specialty, Integer durationWeeks,
                          Integer minimumYearOfStudy, List<Requirement> requirements,
                          String laboratory, String principalInvestigator, String topic, Integer durationMonths,
                          Supervisor supervisor, Credits credits, String offeredBy) {
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CatalogueItemKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CatalogueItemStatus status;

    @Embedded
    @EmbeddedColumnNaming("title_%s")
    public LocalizedText title;

    @Embedded
    @EmbeddedColumnNaming("description_%s")
    public LocalizedText description;

    /** BCP 47 language tag: fr, en, zh. */
    @Column(name = "teaching_language", nullable = false)
    public String teachingLanguage;

    public String code;
    public Integer hours;
    @Enumerated(EnumType.STRING)
    public Term term;

    public String hospital;
    public String department;
    public String specialty;
    @Column(name = "duration_weeks")
    public Integer durationWeeks;
    @Column(name = "minimum_year_of_study")
    public Integer minimumYearOfStudy;

    /** The papers a student must show, each kind once (see Requirement). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "catalogue_item_requirement", joinColumns = @JoinColumn(name = "item_id"))
    public Set<Requirement> requirements = new TreeSet<>();

    /** The institution that offers it (SCHAC code): SJTUSM for its own placements, a French partner for its own. */
    @Column(name = "offered_by", nullable = false)
    public String offeredBy;

    public String laboratory;
    @Column(name = "principal_investigator")
    public String principalInvestigator;
    public String topic;
    @Column(name = "duration_months")
    public Integer durationMonths;

    @Embedded
    public Supervisor supervisor;

    @Embedded
    public Credits credits;

    /** The three titles as they are searched: without accents, in lower case (see SearchText). */
    @Column(name = "search_text", nullable = false)
    public String searchText;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The creation key of the bulk that created it with an Idempotency-Key, and its row there; else null. */
    @Column(name = "creation_key", updatable = false)
    public UUID creationKey;

    @Column(name = "creation_row", updatable = false)
    public Integer creationRow;

    @Version
    public long version;

    /** A new item and the event that announces it. */
    public record Published(CatalogueItem item, List<CatalogueEvent> events) {
    }

    /** A new item, published at once. */
    public static Published publish(Details details, Instant at) {
        var item = new CatalogueItem();
        item.id = UUID.randomUUID();
        item.status = CatalogueItemStatus.PUBLISHED;
        item.apply(details, at);
        return new Published(item, List.of(CatalogueItemPublished.of(item)));
    }

    /** Changes what describes the item; a withdrawn item is no longer changed. */
    public List<CatalogueEvent> revise(Details details, Instant at) {
        requirePublished();
        apply(details, at);
        return List.of(CatalogueItemChanged.of(this));
    }

    /**
     * The item is no longer offered, nor are its sessions ({@code sessions}: all of them, locked): refused while
     * one has holders, and then nothing is withdrawn. CatalogueItemWithdrawn stands for the sessions' withdrawal too,
     * so theirs cause no event of their own.
     */
    public List<CatalogueEvent> withdraw(List<Session> sessions, Instant at) {
        requirePublished();
        sessions.stream().filter(s -> s.status != SessionStatus.WITHDRAWN).forEach(s -> s.requireNoHolders());
        sessions.stream().filter(s -> s.status != SessionStatus.WITHDRAWN).forEach(s -> s.withdraw(at));
        status = CatalogueItemStatus.WITHDRAWN;
        updatedAt = at;
        return List.of(new CatalogueItemWithdrawn(id, at));
    }

    public void requirePublished() {
        if (status != CatalogueItemStatus.PUBLISHED) {
            throw new ProblemException(CurriculumProblems.ITEM_WITHDRAWN, id);
        }
    }

    /** Whether the caller, by the subject of their token, is this item's supervisor. */
    public boolean isSupervisedBy(String account) {
        return supervisor != null && supervisor.account() != null && supervisor.account().equals(account);
    }

    private void apply(Details d, Instant at) {
        checkFieldsOfKind(d);
        kind = d.kind();
        title = d.title();
        description = d.description();
        teachingLanguage = d.teachingLanguage();
        code = d.code();
        hours = d.hours();
        term = d.term();
        hospital = d.hospital();
        department = d.department();
        specialty = d.specialty();
        durationWeeks = d.durationWeeks();
        minimumYearOfStudy = d.minimumYearOfStudy();
        requirements.clear();
        if (d.requirements() != null) {
            requirements.addAll(d.requirements());
        }
        if (d.offeredBy() != null) {
            offeredBy = d.offeredBy();   // a revision that does not say keeps who offers the item
        }
        laboratory = d.laboratory();
        principalInvestigator = d.principalInvestigator();
        topic = d.topic();
        durationMonths = d.durationMonths();
        supervisor = d.supervisor();
        credits = d.credits();
        searchText = SearchText.of(title.fr(), title.en(), title.zh());
        updatedAt = at;
    }

    /**
     * Each kind has the fields that describe it and no others: a basic course has a code, hours and a term, an
     * internship a hospital, department, specialty and duration in weeks, a research placement a laboratory,
     * principal investigator, topic and duration in months. All broken rules are reported at once, by field.
     */
    static void checkFieldsOfKind(Details d) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", d.code());
        values.put("hours", d.hours());
        values.put("term", d.term());
        values.put("hospital", d.hospital());
        values.put("department", d.department());
        values.put("specialty", d.specialty());
        values.put("durationWeeks", d.durationWeeks());
        values.put("minimumYearOfStudy", d.minimumYearOfStudy());
        values.put("requirements", d.requirements() == null || d.requirements().isEmpty() ? null : d.requirements());
        values.put("laboratory", d.laboratory());
        values.put("principalInvestigator", d.principalInvestigator());
        values.put("topic", d.topic());
        values.put("durationMonths", d.durationMonths());
        var problems = new InvalidFieldsException.Collector();
        values.forEach((field, value) -> {
            problems.check(value != null || !REQUIRED.get(field).contains(d.kind()), field, "item.required-for-kind", d.kind());
            problems.check(value == null || ALLOWED.get(field).contains(d.kind()), field, "item.not-for-kind", d.kind());
        });
        if (d.requirements() != null) {
            problems.check(d.requirements().stream().map(r -> r.kind).distinct().count() == d.requirements().size(),
                    "requirements", "item.requirement-twice");
        }
        problems.throwIfAny();
    }

    private static final Map<String, Set<CatalogueItemKind>> REQUIRED = Map.ofEntries(
            Map.entry("code", EnumSet.of(BASIC_COURSE)),
            Map.entry("hours", EnumSet.of(BASIC_COURSE)),
            Map.entry("term", EnumSet.of(BASIC_COURSE)),
            Map.entry("hospital", EnumSet.of(CLINICAL_INTERNSHIP)),
            Map.entry("department", EnumSet.of(CLINICAL_INTERNSHIP)),
            Map.entry("specialty", EnumSet.of(CLINICAL_INTERNSHIP)),
            Map.entry("durationWeeks", EnumSet.of(CLINICAL_INTERNSHIP)),
            Map.entry("minimumYearOfStudy", EnumSet.noneOf(CatalogueItemKind.class)),
            Map.entry("requirements", EnumSet.noneOf(CatalogueItemKind.class)),
            Map.entry("laboratory", EnumSet.of(RESEARCH_PLACEMENT)),
            Map.entry("principalInvestigator", EnumSet.of(RESEARCH_PLACEMENT)),
            Map.entry("topic", EnumSet.of(RESEARCH_PLACEMENT)),
            Map.entry("durationMonths", EnumSet.of(RESEARCH_PLACEMENT)));

    private static final Map<String, Set<CatalogueItemKind>> ALLOWED = Map.ofEntries(
            Map.entry("code", EnumSet.of(BASIC_COURSE, SUMMER_PROGRAMME)),
            Map.entry("hours", EnumSet.of(BASIC_COURSE, SUMMER_PROGRAMME)),
            Map.entry("term", EnumSet.of(BASIC_COURSE)),
            Map.entry("hospital", EnumSet.of(CLINICAL_INTERNSHIP)),
            Map.entry("department", EnumSet.of(CLINICAL_INTERNSHIP)),
            Map.entry("specialty", EnumSet.of(CLINICAL_INTERNSHIP)),
            Map.entry("durationWeeks", EnumSet.of(CLINICAL_INTERNSHIP, SUMMER_PROGRAMME)),
            Map.entry("minimumYearOfStudy", EnumSet.of(CLINICAL_INTERNSHIP, RESEARCH_PLACEMENT, SUMMER_PROGRAMME)),
            Map.entry("requirements", EnumSet.of(CLINICAL_INTERNSHIP, RESEARCH_PLACEMENT, SUMMER_PROGRAMME)),
            Map.entry("laboratory", EnumSet.of(RESEARCH_PLACEMENT)),
            Map.entry("principalInvestigator", EnumSet.of(RESEARCH_PLACEMENT)),
            Map.entry("topic", EnumSet.of(RESEARCH_PLACEMENT)),
            Map.entry("durationMonths", EnumSet.of(RESEARCH_PLACEMENT)));
}
