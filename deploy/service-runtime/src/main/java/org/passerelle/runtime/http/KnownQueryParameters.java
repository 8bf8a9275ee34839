package org.passerelle.runtime.http;

import jakarta.inject.Singleton;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.passerelle.runtime.problem.InvalidFieldsException;
import org.passerelle.runtime.problem.InvalidFieldsException.InvalidField;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter the operation does not take is refused with 400 naming it, on every operation: a misspelt
 * filter ({@code ?stauts=ACTIVE}) must not answer every row as if no filter had been asked for. The parameters an
 * operation takes are those its resource method declares, with @QueryParam (or @RestQuery) or in a @BeanParam.
 */
@Singleton
public class KnownQueryParameters {

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknownQueryParameters(UriInfo uri, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Set<String> given = uri.getQueryParameters().keySet();
        if (method == null || given.isEmpty()) {
            return;
        }
        Set<String> taken = declared.computeIfAbsent(method, KnownQueryParameters::queryParameters);
        var unknown = new TreeSet<>(given);
        unknown.removeAll(taken);
        if (!unknown.isEmpty()) {
            throw new InvalidFieldsException(unknown.stream().map(name -> taken.isEmpty()
                    ? new InvalidField(name, "parameter.none")
                    : new InvalidField(name, "parameter.unknown", String.join(", ", taken))).toList());
        }
    }

    private static Set<String> queryParameters(Method method) {
        var names = new TreeSet<String>();
        for (Parameter parameter : method.getParameters()) {
            addName(names, parameter, parameter.getName());
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                addBeanParameters(names, parameter.getType());
            }
        }
        return java.util.Collections.unmodifiableSortedSet(names);
    }

    private static void addBeanParameters(Set<String> names, Class<?> bean) {
        for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                addName(names, field, field.getName());
                if (field.isAnnotationPresent(BeanParam.class)) {
                    addBeanParameters(names, field.getType());
                }
            }
        }
    }

    private static void addName(Set<String> names, AnnotatedElement element, String javaName) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null) {
            names.add(query.value());
        }
        RestQuery rest = element.getAnnotation(RestQuery.class);
        if (rest != null) {
            names.add(rest.value().isEmpty() ? javaName : rest.value());
        }
    }
}
