package org.passerelle.mobility.mothers;

import org.passerelle.mobility.Mobility;
import org.passerelle.mobility.MobilityStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Mobilities in a given status for rule tests, by named fields and through the aggregate's own transitions (so a
 * built mobility is one the rules allow): {@code MobilityMother.nominated().receiving("sjtu.edu.cn").sessions(s).build()},
 * {@code MobilityMother.accepted().build()}. The defaults: a Lyon 1 student's clinical internship at SJTUSM.
 */
public final class MobilityMother {

    public static final Instant AT = Instant.parse("2027-03-01T10:15:00Z");

    private final MobilityStatus status;
    private final ConditionMother condition = ConditionMother.clinicalInternship();
    private final List<UUID> sessions = new ArrayList<>();
    private UUID personId = UUID.randomUUID();

    private MobilityMother(MobilityStatus status) {
        this.status = status;
    }

    public static MobilityMother nominated() {
        return new MobilityMother(MobilityStatus.NOMINATED);
    }

    public static MobilityMother accepted() {
        return new MobilityMother(MobilityStatus.ACCEPTED);
    }

    public static MobilityMother inProgress() {
        return new MobilityMother(MobilityStatus.IN_PROGRESS);
    }

    public static MobilityMother cancelled() {
        return new MobilityMother(MobilityStatus.CANCELLED);
    }

    public static MobilityMother rejected() {
        return new MobilityMother(MobilityStatus.REJECTED);
    }

    public MobilityMother sending(String institution) {
        condition.sending(institution);
        return this;
    }

    public MobilityMother receiving(String institution) {
        condition.receiving(institution);
        return this;
    }

    public MobilityMother agreement(UUID agreementId) {
        condition.agreement(agreementId);
        return this;
    }

    public MobilityMother person(UUID personId) {
        this.personId = personId;
        return this;
    }

    public MobilityMother sessions(UUID... sessionIds) {
        sessions.addAll(List.of(sessionIds));
        return this;
    }

    public Mobility build() {
        var condition = this.condition.build();
        var m = Mobility.nominate(NominationMother.of(condition).sessions(sessions.toArray(UUID[]::new)).build(), condition,
                personId, AT).mobility();
        switch (status) {
            case NOMINATED -> {
            }
            case ACCEPTED -> m.accept(AT);
            case IN_PROGRESS -> {
                m.accept(AT);
                m.arrive(m.plannedArrival, AT);
            }
            case CANCELLED -> m.cancel("Étudiante retirée par son université", AT);
            case REJECTED -> m.reject("Prérequis non remplis", AT);
            default -> throw new IllegalArgumentException("no mother for " + status);
        }
        return m;
    }
}
