package io.github.proxmoxmcp.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One API call as a handler sees it: method, path below {@code /api2/json}, path variables, parameters (query string
 * for GET/DELETE, form body for POST/PUT; a name may repeat) and who is calling.
 */
final class Request {

    final String method;
    final String path;
    final Map<String, String> vars;
    final Map<String, List<String>> params;
    final String user;
    /** The file of a multipart upload, or null. */
    final byte[] upload;

    Request(String method, String path, Map<String, String> vars, Map<String, List<String>> params, String user) {
        this(method, path, vars, params, user, null);
    }

    Request(String method, String path, Map<String, String> vars, Map<String, List<String>> params, String user,
            byte[] upload) {
        this.method = method;
        this.path = path;
        this.vars = vars;
        this.params = params;
        this.user = user;
        this.upload = upload;
    }

    String var(String name) {
        return vars.get(name);
    }

    String node() {
        return vars.get("node");
    }

    int vmid() {
        return Integer.parseInt(vars.get("vmid"));
    }

    boolean has(String name) {
        return params.containsKey(name);
    }

    String str(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    String str(String name, String fallback) {
        String value = str(name);
        return value == null ? fallback : value;
    }

    List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }

    Integer integer(String name) {
        String value = str(name);
        return value == null ? null : Integer.valueOf(value.trim());
    }

    int integer(String name, int fallback) {
        Integer value = integer(name);
        return value == null ? fallback : value;
    }

    boolean flag(String name) {
        String value = str(name);
        return value != null && isTrue(value);
    }

    static boolean isTrue(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            default -> false;
        };
    }

    static boolean isBoolean(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "0", "1", "true", "false", "yes", "no", "on", "off" -> true;
            default -> false;
        };
    }
}
