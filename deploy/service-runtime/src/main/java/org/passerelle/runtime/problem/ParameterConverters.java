package org.passerelle.runtime.problem;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads query and header parameters so that a wrong value is a 400 naming the parameter and what it accepts,
 * rather than the bare 404 the JAX-RS rules give for an unconvertible query parameter.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> enumType = (Class<? extends Enum>) rawType;
            String allowed = Arrays.stream(enumType.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            return (ParamConverter<T>) converter(name, "parameter.one-of", allowed,
                    value -> Enum.valueOf(enumType, value.trim()));
        }
        if (rawType == String.class) {
            return (ParamConverter<T>) converter(name, "text.control-character", "", value -> {
                if (org.passerelle.runtime.text.ControlCharacters.present(value)) {
                    throw new IllegalArgumentException("control character");
                }
                return value;
            });
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, "parameter.integer", "", value -> Integer.valueOf(value.trim()));
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, "parameter.uuid", "", UUID::fromString);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, "parameter.date", "", LocalDate::parse);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, "parameter.instant", "", value -> Instant.parse(value.trim()));
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, String reasonKey, String allowed, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new InvalidParameterException(name, reasonKey, allowed);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }
}
