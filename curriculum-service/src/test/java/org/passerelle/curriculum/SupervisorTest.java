package org.passerelle.curriculum;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SupervisorTest {

    @Test
    void aSupervisorsNameSentDecomposedIsStoredComposed() {
        String nfd = Normalizer.normalize("Hélène Lefèvre", Normalizer.Form.NFD);
        assertEquals("Hélène Lefèvre", new Supervisor("f3b1c2d4", nfd).name());
    }
}
