package org.passerelle.runtime.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A query or header parameter that cannot be read as its type. A WebApplicationException so that the REST
 * layer passes it through as is (it turns other conversion failures of query parameters into a bare 404).
 */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;
    private final String reasonKey;
    private final transient Object[] arguments;

    public InvalidParameterException(String parameter, String reasonKey, Object... arguments) {
        super("Invalid parameter " + parameter);
        this.parameter = parameter;
        this.reasonKey = reasonKey;
        this.arguments = arguments;
    }

    public String parameter() {
        return parameter;
    }

    public String reasonKey() {
        return reasonKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
