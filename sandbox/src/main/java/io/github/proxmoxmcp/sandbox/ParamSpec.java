package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parameters one endpoint accepts, written by hand as a compact list: {@code name}, {@code name*} (required),
 * {@code name:int}, {@code name*:int}, {@code name:bool}, {@code name:a|b|c} (enumeration), and indexed families such as
 * {@code net[n]}. Path variables are always accepted. Unknown or missing names fail like Proxmox does.
 */
final class ParamSpec {

    private record Param(String name, Pattern family, boolean required, String type, List<String> values) {
    }

    static final ParamSpec NONE = of("");

    private final List<Param> params;

    private ParamSpec(List<Param> params) {
        this.params = params;
    }

    static ParamSpec of(String spec) {
        List<Param> params = new ArrayList<>();
        for (String token : spec.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            boolean required = token.contains("*");
            token = token.replace("*", "");
            String type = "string";
            List<String> values = List.of();
            int colon = token.indexOf(':');
            if (colon > 0) {
                String t = token.substring(colon + 1);
                token = token.substring(0, colon);
                if (t.equals("int") || t.equals("bool") || t.equals("num")) {
                    type = t;
                } else {
                    type = "enum";
                    values = List.of(t.split("\\|"));
                }
            }
            Pattern family = null;
            if (token.endsWith("[n]")) {
                family = Pattern.compile(Pattern.quote(token.substring(0, token.length() - 3)) + "\\d+");
            }
            params.add(new Param(token, family, required, type, values));
        }
        return new ParamSpec(params);
    }

    List<String> names() {
        return params.stream().map(p -> p.family == null ? p.name : p.name + "[n]").toList();
    }

    ParamSpec plus(String spec) {
        List<Param> merged = new ArrayList<>(params);
        merged.addAll(of(spec).params);
        return new ParamSpec(merged);
    }

    void check(Map<String, List<String>> given, Map<String, String> pathVars) {
        Map<String, String> errors = new LinkedHashMap<>();
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
                String problem = typeProblem(param, value);
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

    private Param find(String name) {
        for (Param param : params) {
            if (param.family == null ? param.name.equals(name) : param.family.matcher(name).matches()) {
                return param;
            }
        }
        return null;
    }

    private static String typeProblem(Param param, String value) {
        return switch (param.type) {
            case "int" -> value.trim().matches("-?\\d+") ? null : "type check ('integer') failed - got '" + value + "'";
            case "num" -> value.trim().matches("-?\\d+(\\.\\d+)?") ? null : "type check ('number') failed - got '" + value + "'";
            case "bool" -> Request.isBoolean(value) ? null : "type check ('boolean') failed - got '" + value + "'";
            case "enum" -> param.values.contains(value) ? null
                    : "value '" + value + "' does not have a value in the enumeration '" + String.join(", ", param.values) + "'";
            default -> null;
        };
    }
}
