package io.github.proxmoxmcp.notifications;

import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.client.ProxmoxApiException;
import io.github.proxmoxmcp.core.client.ProxmoxErrors;
import io.github.proxmoxmcp.core.id.PveFormat;
import io.github.proxmoxmcp.core.id.Shown;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.micronaut.json.JsonMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * The Proxmox options of an endpoint type or of a matcher, each of a kind that says how its value is checked and
 * put on the wire: lists as one pair per element, booleans as 1/0, the webhook body and header and secret values
 * base64-encoded. A value Proxmox would refuse for its form is refused before anything is sent, and no error shows
 * the value of a secret.
 */
final class Options {

    enum Kind { TEXT, SECRET, FLAG, PORT, BODY, CHOICE, LIST, HEADERS, SECRETS }

    /** One option: its kind, and for a choice or a list what a value (each element) must be. */
    record Option(Kind kind, List<String> choices, Predicate<String> element, String expected) {

        boolean secret() {
            return kind == Kind.SECRET || kind == Kind.SECRETS;
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern FIELD = Pattern.compile("(exact|regex):[A-Za-z0-9._-]+=[^\\p{Cntrl}]+");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s,;\\p{Cntrl}]+");

    static final Option TEXT = new Option(Kind.TEXT, List.of(), s -> true, "");
    static final Option SECRET = new Option(Kind.SECRET, List.of(), s -> true, "");
    static final Option FLAG = new Option(Kind.FLAG, List.of(), s -> true, "true or false");
    static final Option PORT = new Option(Kind.PORT, List.of(), s -> true, "a port number 1 to 65535");
    static final Option BODY = new Option(Kind.BODY, List.of(), s -> true, "");
    static final Option HEADERS = new Option(Kind.HEADERS, List.of(), s -> true, "");
    static final Option SECRETS = new Option(Kind.SECRETS, List.of(), s -> true, "");
    static final Option MAILTO = list(s -> ADDRESS.matcher(s).matches(), "an email address or user name");
    static final Option USERS = list(PveFormat.USER::matches, "a user id user@realm, e.g. root@pam");
    static final Option TARGETS = list(PveFormat.NOTIFICATION::matches, "a target name, e.g. mail-to-root");
    static final Option FIELDS = list(s -> FIELD.matcher(s).matches(),
            "exact:FIELD=VALUE[,VALUE] or regex:FIELD=REGEX, e.g. exact:type=vzdump");
    static final Option CALENDARS = list(s -> !s.isBlank(), "a calendar event, e.g. mon-fri 9-17");
    static final Option SEVERITIES = list(List.of("info", "notice", "warning", "error", "unknown")::contains,
            "info, notice, warning, error or unknown");

    private Options() {
    }

    static Option choice(String... values) {
        return new Option(Kind.CHOICE, List.of(values), List.of(values)::contains, "one of " + String.join(", ", values));
    }

    private static Option list(Predicate<String> element, String expected) {
        return new Option(Kind.LIST, List.of(), element, expected);
    }

    /** The options with {@code comment} and {@code disable}, which every endpoint and matcher has. */
    static Map<String, Option> withCommon(Map<String, Option> own) {
        Map<String, Option> all = new TreeMap<>(own);
        all.put("comment", TEXT);
        all.put("disable", FLAG);
        return all;
    }

    /** Refuses a setting the entity does not have, listing those it has. */
    private static void checkNames(Map<String, Option> options, Collection<String> names, String what) {
        TreeSet<String> unknown = new TreeSet<>(names);
        unknown.removeAll(options.keySet());
        if (!unknown.isEmpty()) {
            throw new ToolInputException("settings: " + String.join(", ", unknown) + " is not an option of " + what
                    + "; options: " + String.join(", ", options.keySet()));
        }
    }

    /** A create's form: every setting known and given a value, the required ones present. */
    static Params create(Params form, Map<String, Option> options, List<String> required, Map<String, Object> settings,
                         String what) {
        checkNames(options, settings.keySet(), what);
        List<String> empty = cleared(settings);
        if (!empty.isEmpty()) {
            throw new ToolInputException("action=create: leave " + String.join(", ", empty) + " out instead of giving it null");
        }
        List<String> missing = required.stream().filter(k -> !settings.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new ToolInputException(what + " needs settings " + String.join(", ", missing));
        }
        return form(options, settings, form);
    }

    /**
     * An update's form: the settings given a value, then {@code delete} for each given null (one pair each, as
     * Proxmox takes a list); a required setting cannot be cleared.
     */
    static Params update(Map<String, Option> options, List<String> required, Map<String, Object> settings, String what) {
        checkNames(options, settings.keySet(), what);
        List<String> cleared = cleared(settings);
        cleared.stream().filter(required::contains).findFirst().ifPresent(key -> {
            throw new ToolInputException(key + " is required by " + what + ": it cannot be cleared");
        });
        return form(options, settings, Params.create()).putEach("delete", cleared);
    }

    /** What an update changed, for its answer: the names, the cleared ones marked so. */
    static String changed(Map<String, Object> settings) {
        List<String> changed = new ArrayList<>();
        new TreeMap<>(settings).forEach((key, value) -> changed.add(value == null ? key + " (cleared)" : key));
        return String.join(", ", changed);
    }

    private static Params form(Map<String, Option> options, Map<String, Object> settings, Params form) {
        new TreeMap<>(settings).forEach((key, value) -> {
            if (value != null) {
                put(form, key, options.get(key), value);
            }
        });
        return form;
    }

    /** The settings given null: an update clears them, sorted. */
    private static List<String> cleared(Map<String, Object> settings) {
        List<String> cleared = new ArrayList<>();
        new TreeMap<>(settings).forEach((key, value) -> {
            if (value == null) {
                cleared.add(key);
            }
        });
        return cleared;
    }

    private static void put(Params form, String key, Option option, Object value) {
        switch (option.kind()) {
            case TEXT -> form.put(key, text(key, value, false));
            case SECRET -> form.put(key, text(key, value, true));
            case BODY -> form.put(key, Settings.encoded(scalar(key, value)));
            case FLAG -> form.put(key, flag(key, value));
            case PORT -> form.put(key, port(value));
            case CHOICE -> form.put(key, element(key, option, text(key, value, false)));
            case LIST -> form.putEach(key, list(key, option, value));
            case HEADERS, SECRETS -> form.putEach(key, properties(key, value, option.kind() == Kind.SECRETS));
        }
    }

    private static String scalar(String key, Object value) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            throw new ToolInputException("settings." + key + " must be a string, number or boolean");
        }
        String text = Params.wire(value);
        if (text.isEmpty()) {
            throw new ToolInputException("settings." + key + " is empty: to clear an option, update it to null");
        }
        return text;
    }

    /** One line of text: Proxmox keeps its config one option a line. */
    private static String text(String key, Object value, boolean secret) {
        String text = scalar(key, value);
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new ToolInputException("settings." + key + " must be one line without control characters"
                    + (secret ? "" : "; got " + Shown.quoted(text)));
        }
        return text;
    }

    private static String element(String key, Option option, String value) {
        if (!option.element().test(value)) {
            throw new ToolInputException("settings." + key + ": give " + option.expected() + "; got "
                    + Shown.quoted(value));
        }
        return value;
    }

    /** A list as its elements: a JSON array, or a single value as a list of one. */
    private static List<String> list(String key, Option option, Object value) {
        List<String> out = new ArrayList<>();
        for (Object v : value instanceof Collection<?> c ? c : List.of(value)) {
            if (v == null) {
                throw new ToolInputException("settings." + key + " holds a null element");
            }
            out.add(element(key, option, text(key, v, false)));
        }
        if (out.isEmpty()) {
            throw new ToolInputException("settings." + key + " is empty: to clear an option, update it to null");
        }
        return out;
    }

    /**
     * {@code {name: value}} as Proxmox's {@code name=<name>,value=<base64 of value>} property strings. A webhook
     * secret given null keeps its current value (on update Proxmox looks it up by name).
     */
    private static List<String> properties(String key, Object value, boolean secret) {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new ToolInputException("settings." + key + " must be an object {name: value}, e.g. {\"X-Token\": \"…\"}");
        }
        List<String> out = new ArrayList<>();
        new TreeMap<>(map).forEach((name, v) -> {
            String n = String.valueOf(name);
            if (!NAME.matcher(n).matches()) {
                throw new ToolInputException("settings." + key + ": a name holds letters, digits, '.', '-' or '_'; got "
                        + Shown.quoted(n));
            }
            if (v == null && !secret) {
                throw new ToolInputException("settings." + key + "." + n + " is null: give the header's value");
            }
            out.add(v == null ? "name=" + n : "name=" + n + ",value=" + Settings.encoded(scalar(key + "." + n, v)));
        });
        return out;
    }

    private static String port(Object value) {
        String text = scalar("port", value);
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw new ToolInputException("settings.port must be a port number 1 to 65535; got "
                    + Shown.quoted(text));
        }
        return text;
    }

    private static String flag(String key, Object value) {
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        String text = scalar(key, value);
        if (!List.of("0", "1").contains(text)) {
            throw new ToolInputException("settings." + key + " must be true or false; got "
                    + Shown.quoted(text));
        }
        return text;
    }

    /** The values of the secrets among the settings, as given and as sent (base64), longest first. */
    static List<String> secretValues(Map<String, Option> options, Map<String, Object> settings) {
        List<String> values = new ArrayList<>();
        settings.forEach((key, value) -> {
            Option option = options.get(key);
            if (option == null || !option.secret() || value == null) {
                return;
            }
            Collection<?> each = value instanceof Map<?, ?> map ? map.values() : List.of(value);
            for (Object v : each) {
                String text = v == null || v instanceof Map<?, ?> || v instanceof Collection<?> ? null : Params.wire(v);
                if (text != null && !text.isEmpty()) {
                    values.add(text);
                    values.add(Settings.encoded(text));
                }
            }
        });
        values.sort((a, b) -> b.length() - a.length());
        return values;
    }

    /**
     * A Proxmox error with every secret value replaced by {@code ***}, should Proxmox ever echo one; a value is
     * replaced where it stands on its own, not inside a word.
     */
    static <T> Mono<T> redacted(Mono<T> call, List<String> secrets, JsonMapper json) {
        if (secrets.isEmpty()) {
            return call;
        }
        return call.onErrorMap(failure -> {
            ProxmoxApiException e = ProxmoxErrors.map(failure, json);
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach((k, v) -> errors.put(k, redact(v, secrets)));
            return new ProxmoxApiException(e.kind(), e.status(), redact(e.detail(), secrets), errors, e.attempts());
        });
    }

    private static String redact(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replaceAll("(?<![A-Za-z0-9])" + Pattern.quote(secret) + "(?![A-Za-z0-9])", "***");
        }
        return out;
    }
}
