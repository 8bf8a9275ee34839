package org.passerelle.curriculum.mothers;

import org.passerelle.curriculum.CatalogueItem;
import org.passerelle.curriculum.CatalogueItemKind;
import org.passerelle.curriculum.ComplianceRequirement;
import org.passerelle.curriculum.Credits;
import org.passerelle.curriculum.Requirement;
import org.passerelle.curriculum.Supervisor;
import org.passerelle.curriculum.Term;
import org.passerelle.runtime.text.LocalizedText;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalogue items for rule tests, by named fields instead of the twenty positional ones of {@link CatalogueItem.Details}:
 * {@code CatalogueItemMother.internship().hospital("Ruijin Hospital").supervisor("acc-1").build()}. Each kind starts
 * with the fields it requires; a field set on a kind that does not take it is refused by the item's rules, as in the API.
 */
public final class CatalogueItemMother {

    public static final Instant AT = Instant.parse("2026-11-02T08:00:00Z");

    private final CatalogueItemKind kind;
    private LocalizedText title = LocalizedText.of("Hépato-gastroentérologie", "Hepato-gastroenterology", "肝胆外科");
    private String teachingLanguage = "fr";
    private String code;
    private Integer hours;
    private Term term;
    private String hospital;
    private String department;
    private String specialty;
    private Integer durationWeeks;
    private Integer minimumYearOfStudy;
    private final List<Requirement> requirements = new ArrayList<>();
    private String laboratory;
    private String principalInvestigator;
    private String topic;
    private Integer durationMonths;
    private Supervisor supervisor;
    private Credits credits = new Credits(new BigDecimal("6"), new BigDecimal("4"), new BigDecimal("1.5"), null);
    private String offeredBy = "sjtu.edu.cn";

    private CatalogueItemMother(CatalogueItemKind kind) {
        this.kind = kind;
    }

    /** Eight weeks of hepato-gastroenterology at Ruijin Hospital, from the fourth year of study. */
    public static CatalogueItemMother internship() {
        var mother = new CatalogueItemMother(CatalogueItemKind.CLINICAL_INTERNSHIP);
        mother.hospital = "Ruijin Hospital";
        mother.department = "Hepatobiliary surgery";
        mother.specialty = "Hepato-gastroenterology";
        mother.durationWeeks = 8;
        mother.minimumYearOfStudy = 4;
        return mother;
    }

    /** Four weeks of summer school in Shanghai. */
    public static CatalogueItemMother summerProgramme() {
        var mother = new CatalogueItemMother(CatalogueItemKind.SUMMER_PROGRAMME);
        mother.title = LocalizedText.of("Université d'été", "Summer school", "暑期学校");
        mother.durationWeeks = 4;
        return mother;
    }

    /** Anatomy, 48 hours in the autumn term. */
    public static CatalogueItemMother basicCourse() {
        var mother = new CatalogueItemMother(CatalogueItemKind.BASIC_COURSE);
        mother.title = LocalizedText.of("Anatomie", "Anatomy", "解剖学");
        mother.code = "MED1101";
        mother.hours = 48;
        mother.term = Term.AUTUMN;
        return mother;
    }

    public CatalogueItemMother title(String fr, String en, String zh) {
        this.title = LocalizedText.of(fr, en, zh);
        return this;
    }

    public CatalogueItemMother hospital(String hospital) {
        this.hospital = hospital;
        return this;
    }

    public CatalogueItemMother durationMonths(Integer months) {
        this.durationMonths = months;
        return this;
    }

    public CatalogueItemMother requirements(Requirement... requirements) {
        this.requirements.addAll(List.of(requirements));
        return this;
    }

    public CatalogueItemMother requiring(ComplianceRequirement... kinds) {
        List.of(kinds).forEach(k -> requirements.add(Requirement.of(k)));
        return this;
    }

    /** The supervisor's account (the subject of their token). */
    public CatalogueItemMother supervisor(String account) {
        this.supervisor = new Supervisor(account, "王芳 Wáng Fāng");
        return this;
    }

    public CatalogueItemMother offeredBy(String institution) {
        this.offeredBy = institution;
        return this;
    }

    public CatalogueItem.Details details() {
        return new CatalogueItem.Details(kind, title, title, teachingLanguage, code, hours, term, hospital, department,
                specialty, durationWeeks, minimumYearOfStudy, List.copyOf(requirements), laboratory, principalInvestigator,
                topic, durationMonths, supervisor, credits, offeredBy);
    }

    /** A published item. */
    public CatalogueItem build() {
        return CatalogueItem.publish(details(), AT).item();
    }

    /** A withdrawn item (it had no sessions). */
    public CatalogueItem withdrawn() {
        var item = build();
        item.withdraw(List.of(), AT);
        return item;
    }
}
