package org.passerelle.identity.mothers;

import org.passerelle.identity.Institution;
import org.passerelle.identity.InstitutionDetails;
import org.passerelle.identity.UnitKind;
import org.passerelle.identity.UnitPlan;
import org.passerelle.runtime.text.LocalizedText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Institutions for rule tests, by named fields: {@code InstitutionMother.paris().previousCodes("univ-paris5.fr").build()},
 * {@code InstitutionMother.sjtusm().hospital("Ruijin Hospital", "Cardiology").details()} for a registration or change.
 */
public final class InstitutionMother {

    public static final Instant AT = Instant.parse("2026-05-04T10:00:00Z");

    private String schacCode;
    private final List<String> previousCodes = new ArrayList<>();
    private String erasmusCode;
    private String pic;
    private LocalizedText name;
    private String countryCode;
    private final List<UnitPlan> units = new ArrayList<>();

    private InstitutionMother() {
    }

    public static InstitutionMother paris() {
        var mother = new InstitutionMother();
        mother.schacCode = "u-paris.fr";
        mother.erasmusCode = "F  PARIS482";
        mother.name = LocalizedText.of("Université Paris Cité", "Université Paris Cité", "巴黎西岱大学");
        mother.countryCode = "FR";
        return mother;
    }

    public static InstitutionMother sjtusm() {
        var mother = new InstitutionMother();
        mother.schacCode = "shsmu.edu.cn";
        mother.name = LocalizedText.of("École de médecine de l'université Jiao Tong de Shanghai",
                "Shanghai Jiao Tong University School of Medicine", "上海交通大学医学院");
        mother.countryCode = "CN";
        return mother;
    }

    public InstitutionMother schacCode(String code) {
        this.schacCode = code;
        return this;
    }

    public InstitutionMother previousCodes(String... codes) {
        this.previousCodes.addAll(List.of(codes));
        return this;
    }

    public InstitutionMother erasmusCode(String code) {
        this.erasmusCode = code;
        return this;
    }

    /** A hospital with its departments, all new. */
    public InstitutionMother hospital(String name, String... departments) {
        units.add(new UnitPlan(null, UnitKind.HOSPITAL, text(name),
                List.of(departments).stream().map(d -> new UnitPlan(null, UnitKind.DEPARTMENT, text(d), List.of())).toList()));
        return this;
    }

    /** A unit as planned, e.g. one that keeps its id or breaks the tree's rules. */
    public InstitutionMother unit(UUID id, UnitKind kind, String name, UnitPlan... children) {
        units.add(new UnitPlan(id, kind, text(name), List.of(children)));
        return this;
    }

    public InstitutionDetails details() {
        return new InstitutionDetails(schacCode, List.copyOf(previousCodes), erasmusCode, pic, name, countryCode, List.copyOf(units));
    }

    /** A registered institution. */
    public Institution build() {
        return Institution.register(details(), AT).institution();
    }

    private static LocalizedText text(String name) {
        return LocalizedText.of(name, name, name);
    }
}
