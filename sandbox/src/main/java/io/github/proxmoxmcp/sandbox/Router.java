package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps {@code METHOD /path/{var}} templates to handlers; anything else is "not implemented", as in Proxmox. */
final class Router {

    @FunctionalInterface
    interface Handler {
        Object handle(Request request);
    }

    record Route(String method, String[] segments, ParamSpec spec, Handler handler) {
    }

    record Match(Route route, Map<String, String> vars) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final List<Map.Entry<java.util.function.Predicate<String>, Runnable>> deferred = new ArrayList<>();

    void add(String method, String template, ParamSpec spec, Handler handler) {
        routes.add(new Route(method, split(template), spec, handler));
    }

    void get(String template, String spec, Handler handler) {
        add("GET", template, ParamSpec.of(spec), handler);
    }

    void post(String template, String spec, Handler handler) {
        add("POST", template, ParamSpec.of(spec), handler);
    }

    void put(String template, String spec, Handler handler) {
        add("PUT", template, ParamSpec.of(spec), handler);
    }

    void delete(String template, String spec, Handler handler) {
        add("DELETE", template, ParamSpec.of(spec), handler);
    }

    /** Routes registered by {@code register} the first time a request's path matches {@code paths}. */
    void defer(java.util.function.Predicate<String> paths, Runnable register) {
        deferred.add(Map.entry(paths, register));
    }

    /** Finds the route for decoded path segments, or fails with 501 naming the method and path. */
    Match match(String method, List<String> segments, String displayPath) {
        for (Map.Entry<java.util.function.Predicate<String>, Runnable> entry : List.copyOf(deferred)) {
            if (entry.getKey().test(displayPath)) {
                deferred.remove(entry);
                entry.getValue().run();
            }
        }
        for (Route route : routes) {
            if (!route.method.equals(method) || route.segments.length != segments.size()) {
                continue;
            }
            Map<String, String> vars = new LinkedHashMap<>();
            boolean ok = true;
            for (int i = 0; i < route.segments.length && ok; i++) {
                String want = route.segments[i];
                if (want.startsWith("{")) {
                    vars.put(want.substring(1, want.length() - 1), segments.get(i));
                } else {
                    ok = want.equals(segments.get(i));
                }
            }
            if (ok) {
                return new Match(route, vars);
            }
        }
        throw new ApiException(501, "Method '" + method + " " + displayPath + "' not implemented");
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    private static String[] split(String template) {
        return template.substring(1).split("/");
    }
}
