package org.passerelle.curriculum.events;

import org.passerelle.runtime.events.EventType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The sending institution recognised a mobility's results at home. Carries what a target needs to count it
 * (agreement, academic year, type, institutions). Key: the mobility id.
 */
@EventType(name = "ResultsRecognised", version = 1, aggregate = "transcript")
public record ResultsRecognised(UUID mobilityId, UUID agreementId, String academicYear, String mobilityType,
                                String sendingInstitution, String receivingInstitution, int transcriptVersion,
                                UUID homeScaleId, List<Component> components, BigDecimal ects, BigDecimal chineseCredits,
                                Instant recognisedAt) {

    public record Component(UUID sessionId, String grade, String homeGrade, String conversionMethod, List<String> homeCourses,
                            boolean extraCredits, BigDecimal ects, BigDecimal chineseCredits, String outsideAgreementReason) {
    }
}
