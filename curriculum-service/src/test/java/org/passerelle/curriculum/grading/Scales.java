package org.passerelle.curriculum.grading;

import java.math.BigDecimal;
import java.util.List;

/** The scales of the seed data, built in memory for the plain tests. */
final class Scales {

    static final GradingScale FRENCH = GradingScale.numeric("univ-lyon1.fr", "FR-20", "Notes sur 20",
            BigDecimal.ZERO, new BigDecimal("20"), new BigDecimal("10"), 2);
    static final GradingScale CHINESE = GradingScale.numeric("sjtu.edu.cn", "CN-100", "百分制",
            BigDecimal.ZERO, new BigDecimal("100"), new BigDecimal("60"), 1);
    static final GradingScale ECTS = GradingScale.labels("univ-lyon1.fr", "ECTS", "ECTS grades",
            List.of("A", "B", "C", "D", "E", "FX", "F"), "E");
    static final GradingScale PASS_FAIL = GradingScale.passFail("univ-lyon1.fr", "PF", "Validé / non validé");

    private Scales() {
    }
}
