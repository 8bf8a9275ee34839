package org.passerelle.runtime.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrictJsonTest {

    record Session(Integer capacity, int credits, String title, List<String> conditions) {
    }

    static final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void strict() {
        new StrictJson().customize(mapper);
    }

    @Test
    void aBodyAsWrittenIsRead() throws Exception {
        Session read = mapper.readValue("{\"capacity\": 12, \"credits\": 3, \"title\": \"Cardiologie\", \"conditions\": []}", Session.class);
        assertEquals(new Session(12, 3, "Cardiologie", List.of()), read);
    }

    @Test
    void aListLeftOutIsAbsent() throws Exception {
        assertNull(mapper.readValue("{\"capacity\": 12}", Session.class).conditions());
    }

    @Test
    void aDecimalIsNotAnInteger() {
        var boxed = assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"capacity\": 2.5}", Session.class));
        assertEquals("capacity", boxed.getPath().get(0).getFieldName());
        var primitive = assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"credits\": 3.0}", Session.class));
        assertEquals("credits", primitive.getPath().get(0).getFieldName());
    }

    @Test
    void aNumberIsNotAText() {
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"title\": 7}", Session.class));
    }

    @Test
    void aControlCharacterIsRefused() {
        assertThrows(StrictJson.ControlCharacterInText.class, () -> mapper.readValue("{\"title\": \"a\\u0000b\"}", Session.class));
    }
}
