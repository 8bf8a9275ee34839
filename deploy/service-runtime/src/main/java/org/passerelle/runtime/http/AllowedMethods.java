package org.passerelle.runtime.http;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each address takes, read once from the resource classes, for the Allow header of a 405: the REST layer
 * answers 405 without it, where RFC 9110 requires it.
 */
@ApplicationScoped
@Unremovable // looked up by ProblemMappers, which the container does not see inject it
public class AllowedMethods {

    /** A method at a path template; {@code literals} counts the template's characters outside its parameters. */
    private record Route(Pattern path, String method, int literals) {
    }

    @Inject
    BeanManager beans;

    private volatile List<Route> routes;

    /**
     * The methods the path takes, e.g. "GET, POST"; empty when no resource answers there. As the REST layer routes,
     * the templates with the most literal characters win: /api/samples/conflict takes the methods of that template,
     * not those of /api/samples/{id}.
     */
    public String at(String path) {
        List<Route> matching = routes().stream().filter(route -> route.path().matcher(path).matches()).toList();
        int mostLiteral = matching.stream().mapToInt(Route::literals).max().orElse(0);
        Set<String> methods = new TreeSet<>();
        matching.stream().filter(route -> route.literals() == mostLiteral).forEach(route -> methods.add(route.method()));
        return String.join(", ", methods);
    }

    private List<Route> routes() {
        if (routes == null) {
            var found = new ArrayList<Route>();
            for (var bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path root = bean.getBeanClass().getAnnotation(Path.class);
                if (root != null) {
                    for (Method method : bean.getBeanClass().getMethods()) {
                        String verb = verb(method);
                        if (verb != null) {
                            Path sub = method.getAnnotation(Path.class);
                            String template = root.value() + (sub == null ? "" : "/" + sub.value());
                            found.add(new Route(template(template), verb, template.replaceAll("\\{[^}]*}", "").length()));
                        }
                    }
                }
            }
            routes = List.copyOf(found);
        }
        return routes;
    }

    private static String verb(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** "/api/things/{id}" as a regular expression: a parameter is one segment, or its own expression if it gives one. */
    static Pattern template(String template) {
        String normalised = ("/" + template).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        var regex = new StringBuilder();
        int i = 0;
        while (i < normalised.length()) {
            int open = normalised.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(normalised.substring(i)));
                break;
            }
            regex.append(Pattern.quote(normalised.substring(i, open)));
            int close = normalised.indexOf('}', open);
            String parameter = normalised.substring(open + 1, close);
            int colon = parameter.indexOf(':');
            regex.append('(').append(colon < 0 ? "[^/]+" : parameter.substring(colon + 1).trim()).append(')');
            i = close + 1;
        }
        return Pattern.compile(regex + "/?");
    }
}
