package io.github.proxmoxmcp.core.client;

import io.github.proxmoxmcp.core.id.PveFormat;
import io.github.proxmoxmcp.core.id.Shown;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The keys of a documented options map, a tool's {@code set} or {@code options} argument: the endpoint's less used
 * parameters by their Proxmox names, each with the values it takes. The tool's skill lists them. A key not listed, or
 * a value of another kind, is refused with a message naming the key and what it takes, before anything is sent.
 */
public final class OptionKeys {

    private record Rule(String expected, Predicate<Object> accepts, Function<Object, Object> wire) {
    }

    private static final String PROPERTY_STRING = "[^\\s,=]+(=[^\\s,]*)?(,[^\\s,=]+=[^\\s,]*)*";

    private final String argument;
    private final String where;
    private final Map<String, Rule> rules = new LinkedHashMap<>();

    private OptionKeys(String argument, String where) {
        this.argument = argument;
        this.where = where;
    }

    /** The keys of the argument named {@code argument} (as error messages name it: {@code set.cpu}). */
    public static OptionKeys of(String argument) {
        return new OptionKeys(argument, "");
    }

    /** The keys the argument takes in one case, {@code where} saying which (e.g. "action=shutdown"). */
    public static OptionKeys of(String argument, String where) {
        return new OptionKeys(argument, " for " + where);
    }

    /** Keys taking true or false (or 1 and 0), sent as 1 or 0. */
    public OptionKeys bool(String... keys) {
        Arrays.stream(keys).forEach(key -> rule(key, "true or false",
                v -> v instanceof Boolean || v instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1),
                v -> v instanceof Number n ? n.longValue() : v));
        return this;
    }

    public OptionKeys integer(String key, long min, long max) {
        return rule(key, max == Long.MAX_VALUE ? "a whole number of at least " + min : "a whole number from " + min + " to " + max,
                v -> v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() >= min
                        && n.longValue() <= max,
                v -> ((Number) v).longValue());
    }

    public OptionKeys number(String key, double min) {
        return rule(key, "a number of at least " + Params.wire(min), v -> v instanceof Number n && n.doubleValue() >= min,
                Function.identity());
    }

    public OptionKeys oneOf(String key, String... values) {
        List<String> allowed = List.of(values);
        return rule(key, "one of " + allowed, allowed::contains, Function.identity());
    }

    /** A string that matches {@code regex} as a whole; {@code expected} says what that is, e.g. "a CPU type such as host". */
    public OptionKeys text(String key, String regex, String expected) {
        Pattern pattern = Pattern.compile(regex);
        return rule(key, expected, v -> v instanceof String s && pattern.matcher(s).matches(), Function.identity());
    }

    /**
     * A Proxmox property string: comma-separated {@code key=value} pairs, the first of which may be a bare value
     * ({@code virtio,bridge=vmbr0,tag=10}); {@code example} shows one in the error message.
     */
    public OptionKeys propertyString(String key, String example) {
        return text(key, PROPERTY_STRING, "a property string such as " + example);
    }

    /** An identifier of one of the Proxmox formats. */
    public OptionKeys id(String key, PveFormat format) {
        return rule(key, format.expected(), v -> v instanceof String s && format.matches(s), Function.identity());
    }

    /** A tag list: a list of tags or one string of them, sent {@code ;}-separated as Proxmox keeps them. */
    public OptionKeys tags(String key) {
        return rule(key, "a list of tags (" + PveFormat.TAG.expected() + ")",
                v -> tags(v).stream().allMatch(PveFormat.TAG::matches) && !tags(v).isEmpty(),
                v -> String.join(";", tags(v)));
    }

    /** A key whose value takes a shape of its own on the wire, e.g. a boolean that becomes a property string. */
    public OptionKeys custom(String key, String expected, Predicate<Object> accepts, Function<Object, Object> wire) {
        return rule(key, expected, accepts, wire);
    }

    private static List<String> tags(Object value) {
        if (value instanceof String s) {
            return Arrays.stream(s.split("[;,\\s]+")).filter(t -> !t.isEmpty()).toList();
        }
        if (value instanceof Collection<?> c && c.stream().allMatch(String.class::isInstance)) {
            return c.stream().map(String.class::cast).toList();
        }
        return List.of("");
    }

    private OptionKeys rule(String key, String expected, Predicate<Object> accepts, Function<Object, Object> wire) {
        rules.put(key, new Rule(expected, accepts, wire));
        return this;
    }

    public Set<String> keys() {
        return new TreeSet<>(rules.keySet());
    }

    /** The entries of the map (null: none), each checked, in wire form and in the order given. */
    public Map<String, String> wire(Map<String, Object> given) {
        Params params = Params.create();
        if (given == null) {
            return params.map();
        }
        given.forEach((key, value) -> {
            Rule rule = rules.get(key);
            if (rule == null) {
                throw new ToolInputException(argument + "." + key + " is not a key of " + argument + where
                        + (rules.isEmpty() ? ", which takes none" : "; it takes " + keys()));
            }
            if (value == null || !rule.accepts().test(value)) {
                throw new ToolInputException(argument + "." + key + " must be " + rule.expected() + "; got "
                        + (value == null ? "null" : Shown.quoted(value.toString())));
            }
            params.put(key, rule.wire().apply(value));
        });
        return params.map();
    }
}
