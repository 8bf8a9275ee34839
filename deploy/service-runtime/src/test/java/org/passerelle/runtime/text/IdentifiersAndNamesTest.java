package org.passerelle.runtime.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IdentifiersAndNamesTest {

    private static final String ELOISE_NFD = "E\u0301loi\u0308se";

    @Test
    void aNameInDecomposedFormIsStoredAsItsComposedTwin() {
        assertEquals("Éloïse", PersonNames.normalize(" " + ELOISE_NFD + " "));
        assertEquals(6, PersonNames.normalize(ELOISE_NFD).length());
        assertNull(PersonNames.normalize(null));
    }

    @Test
    void aNameQueryIsWordsWithoutWildcards() {
        assertEquals(List.of("Éloïse", "D'Aubigné"), PersonNames.searchWords("  " + ELOISE_NFD + "  D'Aubigne\u0301 "));
        assertEquals(List.of("Jean", "Pierre"), PersonNames.searchWords("Jean-Pierre"));
        assertEquals(List.of("100\\%", "a\\_b", "c\\\\"), PersonNames.searchWords("100% a_b c\\"));
        assertEquals(List.of(), PersonNames.searchWords("  "));
    }

    @Test
    void identifiersHaveOneFormWhateverWasTyped() {
        assertEquals("123456789AB", Identifiers.code(" 123456789ab "));
        assertEquals("123456789AB", Identifiers.code("１２３４５６７８９ａｂ"), "full-width, as a Chinese input method types it");
        assertEquals("eloise.daubigne@etu.univ-lyon1.fr", Identifiers.email(" Eloise.Daubigne@ETU.univ-lyon1.fr\u00A0"));
        assertEquals("urn:schac:personalUniqueCode:int:esi:fr:AbC", Identifiers.text(" urn:schac:personalUniqueCode:int:esi:fr:AbC "));
        assertNull(Identifiers.code("   "));
        assertNull(Identifiers.email(null));
    }
}
