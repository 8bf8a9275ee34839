package org.passerelle.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.passerelle.runtime.text.ControlCharacters;

import java.io.IOException;

/**
 * Request bodies are read as they are written, never guessed at: a number is not a text, a boolean or an enum
 * ({@code "kind": 0} is not STUDENT, {@code "clientId": false} is not "false"), an empty text is not an absent
 * enum, a decimal is not an integer ({@code "capacity": 2.5} is not 2), and no text holds control characters.
 * Each is a 400 naming the field, like any wrong type.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("passerelle-strict-text").addDeserializer(String.class, new StrictText()));
    }

    /** A JSON string, as sent, without control characters; any other token is the wrong type. */
    static final class StrictText extends StdScalarDeserializer<String> {

        StrictText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            if (ControlCharacters.present(text)) {
                throw new ControlCharacterInText(parser, text);
            }
            return text;
        }
    }

    /** Mapped by the problem mappers to a field error that says which characters are refused. */
    public static final class ControlCharacterInText extends InvalidFormatException {
        ControlCharacterInText(JsonParser parser, String text) {
            super(parser, "control character in text", text, String.class);
        }
    }
}
