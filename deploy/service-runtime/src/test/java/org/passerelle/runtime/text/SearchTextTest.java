package org.passerelle.runtime.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTextTest {

    @Test
    void accents_case_and_punctuation_do_not_matter() {
        assertEquals("hepato gastroenterologie", SearchText.normalize("Hépato-Gastroentérologie"));
        assertTrue(SearchText.of("Hépato-gastroentérologie").contains(SearchText.normalize("HEPATO")));
        assertEquals("eloise d aubigne zoe celik", SearchText.normalize("Éloïse D'Aubigné, Zoë Çelik"));
        assertEquals("ouvre de strase", SearchText.normalize("Œuvre  de   Straße"));
    }

    @Test
    void chinese_characters_are_kept_and_found() {
        String searchable = SearchText.of("Chirurgie hépatobiliaire", "Hepatobiliary surgery", "肝胆外科");
        assertTrue(searchable.contains(SearchText.normalize("肝")));
        assertTrue(searchable.contains("hepatobiliaire"));
        assertEquals("肝胆外科 瑞金医院", SearchText.normalize("肝胆外科，瑞金医院"));
    }

    @Test
    void a_query_cannot_carry_wildcards() {
        assertEquals("%100 sur%", SearchText.containsPattern("100%_sûr"));
        assertEquals("%a b%", SearchText.containsPattern("a\\b"));
        assertEquals("%%", SearchText.containsPattern(null));
    }
}
