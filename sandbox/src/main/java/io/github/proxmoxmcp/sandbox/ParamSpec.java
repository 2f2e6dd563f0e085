package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parameters one endpoint accepts, written by hand as a compact list of tokens
 * {@code name[*][!][:type][=default]}:
 * <ul>
 * <li>{@code name*} (or {@code name:type*}) is required, {@code name!} is write-only (a secret: accepted, never shown on a read);</li>
 * <li>type {@code int}, {@code int(0..)}, {@code int(1..4094)}, {@code num}, {@code bool}, {@code list} (an array
 *     parameter: the name repeats, a read returns a JSON array), an enumeration
 *     {@code a|b|c}, or a Proxmox format known to {@link Formats} ({@code pve-storage-id}, {@code CIDR}, ...);</li>
 * <li>{@code =default} is the value a read shows while the key is unset (declare it only where Proxmox's read
 *     does);</li>
 * <li>indexed families such as {@code net[n]}.</li>
 * </ul>
 * Unknown, missing or ill-typed parameters fail with Proxmox's texts. Path variables are accepted, and checked when
 * the spec declares them.
 */
final class ParamSpec {

    record Param(String name, Pattern family, boolean required, boolean secret, String type, List<String> values,
                 Long min, Long max, String defaultValue) {

        /** The value as Proxmox returns it in JSON: integers and booleans as numbers. */
        Object render(String value) {
            return switch (type) {
                case "int" -> value.trim().matches("-?\\d+") ? (Object) Long.parseLong(value.trim()) : value;
                case "bool" -> Request.isBoolean(value) ? (Object) (Request.isTrue(value) ? 1 : 0) : value;
                case "num" -> value.trim().matches("-?\\d+(\\.\\d+)?") ? (Object) Double.parseDouble(value.trim()) : value;
                case "list" -> value.isEmpty() ? List.of() : List.of(value.split("\n", -1));
                default -> value;
            };
        }

        Param optional() {
            return new Param(name, family, false, secret, type, values, min, max, defaultValue);
        }
    }

    static final ParamSpec NONE = of("");

    private final List<Param> params;

    private ParamSpec(List<Param> params) {
        this.params = params;
    }

    static ParamSpec of(String spec) {
        List<Param> params = new ArrayList<>();
        for (String token : spec.trim().split("\\s+")) {
            if (!token.isEmpty()) {
                params.add(parse(token));
            }
        }
        return new ParamSpec(params);
    }

    private static Param parse(String token) {
        boolean required = token.contains("*");
        token = token.replace("*", "");
        String defaultValue = null;
        int eq = token.indexOf('=');
        if (eq > 0) {
            defaultValue = token.substring(eq + 1);
            token = token.substring(0, eq);
        }
        String type = "string";
        List<String> values = List.of();
        Long min = null;
        Long max = null;
        int colon = token.indexOf(':');
        String name = colon > 0 ? token.substring(0, colon) : token;
        if (colon > 0) {
            String t = token.substring(colon + 1);
            if (t.startsWith("int(") || t.startsWith("num(")) {
                String[] range = t.substring(4, t.length() - 1).split("\\.\\.", -1);
                min = range[0].isEmpty() ? null : Long.valueOf(range[0]);
                max = range.length < 2 || range[1].isEmpty() ? null : Long.valueOf(range[1]);
                type = t.substring(0, 3);
            } else if (t.equals("int") || t.equals("bool") || t.equals("num") || t.equals("list") || Formats.known(t)) {
                type = t;
            } else if (t.startsWith("pve-")) {
                throw new IllegalArgumentException("no check for the Proxmox format " + t + " (add it to Formats)");
            } else {
                type = "enum";
                values = List.of(t.split("\\|"));
            }
        }
        boolean secret = name.endsWith("!");
        name = name.replace("!", "");
        Pattern family = null;
        if (name.endsWith("[n]")) {
            family = Pattern.compile(Pattern.quote(name.substring(0, name.length() - 3)) + "\\d+");
        }
        return new Param(name, family, required, secret, type, values, min, max, defaultValue);
    }

    List<String> names() {
        return params.stream().map(p -> p.family == null ? p.name : p.name + "[n]").toList();
    }

    List<Param> params() {
        return params;
    }

    ParamSpec plus(String spec) {
        return plus(of(spec));
    }

    ParamSpec plus(ParamSpec other) {
        List<Param> merged = new ArrayList<>(params);
        for (Param param : other.params) {
            merged.removeIf(p -> p.name.equals(param.name));
            merged.add(param);
        }
        return new ParamSpec(merged);
    }

    /** The same parameters, none of them required. */
    ParamSpec optional() {
        return new ParamSpec(params.stream().map(Param::optional).toList());
    }

    ParamSpec without(Collection<String> names) {
        return new ParamSpec(params.stream().filter(p -> !names.contains(p.name)).toList());
    }

    /** Only the named parameters, in this spec's order. */
    ParamSpec only(Collection<String> names) {
        return new ParamSpec(params.stream().filter(p -> names.contains(p.name)).toList());
    }

    Param find(String name) {
        for (Param param : params) {
            if (param.family == null ? param.name.equals(name) : param.family.matcher(name).matches()) {
                return param;
            }
        }
        return null;
    }

    void check(Map<String, List<String>> given, Map<String, String> pathVars) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<String, String> var : pathVars.entrySet()) {
            Param param = find(var.getKey());
            String problem = param == null ? null : problem(param, var.getValue());
            if (problem != null) {
                errors.put(var.getKey(), problem);
            }
        }
        for (Map.Entry<String, List<String>> entry : given.entrySet()) {
            String name = entry.getKey();
            if (pathVars.containsKey(name)) {
                continue;
            }
            Param param = find(name);
            if (param == null) {
                errors.put(name, "property is not defined in schema and the schema does not allow additional properties");
                continue;
            }
            for (String value : entry.getValue()) {
                String problem = problem(param, value);
                if (problem != null) {
                    errors.put(name, problem);
                }
            }
        }
        for (Param param : params) {
            if (param.required && param.family == null && !given.containsKey(param.name)
                    && !pathVars.containsKey(param.name)) {
                errors.put(param.name, "property is missing and it is not optional");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.parameters(errors);
        }
    }

    /** What is wrong with one value, in Proxmox's words (the order of its checks), or {@code null}. */
    static String problem(Param param, String value) {
        return switch (param.type) {
            case "int", "num" -> {
                boolean integer = param.type.equals("int");
                if (!value.trim().matches(integer ? "-?\\d+" : "-?\\d+(\\.\\d+)?")) {
                    yield "type check ('" + (integer ? "integer" : "number") + "') failed - got '" + value + "'";
                }
                double number = Double.parseDouble(value.trim());
                if (param.max != null && number > param.max) {
                    yield "value must have a maximum value of " + param.max;
                }
                yield param.min != null && number < param.min ? "value must have a minimum value of " + param.min : null;
            }
            case "bool" -> Request.isBoolean(value) ? null : "type check ('boolean') failed - got '" + value + "'";
            case "enum" -> param.values.contains(value) ? null
                    : "value '" + value + "' does not have a value in the enumeration '" + String.join(", ", param.values) + "'";
            case "string", "list" -> null;
            default -> Formats.problem(param.type, value);
        };
    }
}
