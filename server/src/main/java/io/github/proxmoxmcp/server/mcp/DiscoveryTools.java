package io.github.proxmoxmcp.server.mcp;

import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.server.registry.DiscoveryInputs;
import io.github.proxmoxmcp.server.registry.RegisteredTool;
import io.github.proxmoxmcp.server.registry.SchemaIndex;
import io.github.proxmoxmcp.server.registry.ToolCatalog;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * {@code PROXMOX_TOOL_MODE=discover}: three tools instead of the whole catalog. {@code proxmox_tool_search} finds
 * tools by words and pack, {@code proxmox_tool_describe} shows one tool's description and input schema, and
 * {@code proxmox_tool_call} runs a tool exactly as a direct call would (its schema, the permission gate, confirm,
 * progress). Only the tools this deployment offers are found, described or called.
 */
final class DiscoveryTools {

    static final String SEARCH = "proxmox_tool_search";
    static final String DESCRIBE = "proxmox_tool_describe";
    static final String CALL = "proxmox_tool_call";
    static final String INSTRUCTIONS = """

            This deployment lists three tools instead of its catalog: find a tool with proxmox_tool_search (words, or a \
            pack), read its arguments with proxmox_tool_describe, run it with proxmox_tool_call {name, arguments}. The \
            same permissions, confirm rule and results apply as to a direct call.""";
    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 50;
    private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() { };

    private final Map<String, RegisteredTool> offered = new LinkedHashMap<>();
    private final ToolCatalog catalog;
    private final McpJsonMapper json;
    private final JsonSchemaValidator validator;
    private final boolean elevated;

    DiscoveryTools(List<RegisteredTool> offered, ToolCatalog catalog, McpJsonMapper json, JsonSchemaValidator validator,
                   boolean elevated) {
        offered.forEach(tool -> this.offered.put(tool.name(), tool));
        this.catalog = catalog;
        this.json = json;
        this.validator = validator;
        this.elevated = elevated;
    }

    /** The three tools as clients see them. */
    List<McpSchema.Tool> tools() {
        SchemaIndex index = SchemaIndex.bundled();
        BiFunction<Class<?>, String, McpSchema.Tool.Builder> tool = (type, name) -> McpSchema.Tool.builder()
                .name(name)
                .inputSchema(index.schema(type));
        McpSchema.ToolAnnotations read = new McpSchema.ToolAnnotations(null, true, null, null, false, null);
        // with elevated tools allowed, a call may change things: no read-only promise then
        McpSchema.ToolAnnotations call = elevated ? new McpSchema.ToolAnnotations(null, null, null, null, false, null) : read;
        return List.of(
                tool.apply(DiscoveryInputs.Search.class, SEARCH).description("Find tools by words or pack.").annotations(read).build(),
                tool.apply(DiscoveryInputs.Describe.class, DESCRIBE).description("A tool's description and input schema.")
                        .annotations(read).build(),
                tool.apply(DiscoveryInputs.Call.class, CALL).description("Run a tool by name with its arguments.")
                        .annotations(call).build());
    }

    ToolResult search(Map<String, Object> arguments, Predicate<RegisteredTool> visible) {
        DiscoveryInputs.Search input = json.convertValue(arguments == null ? Map.of() : arguments, DiscoveryInputs.Search.class);
        int limit = input.limit() == null ? DEFAULT_LIMIT : Math.clamp(input.limit(), 1, MAX_LIMIT);
        List<String> words = input.query() == null ? List.of()
                : List.of(input.query().toLowerCase(Locale.ROOT).split("[\\s,_]+")).stream().filter(w -> !w.isBlank()).toList();
        String pack = input.pack() == null || input.pack().isBlank() ? null : input.pack().trim().toLowerCase(Locale.ROOT);
        List<Map.Entry<RegisteredTool, Integer>> ranked = new ArrayList<>();
        for (RegisteredTool tool : offered.values()) {
            if (!visible.test(tool) || pack != null && !tool.pack().equals(pack)) {
                continue;
            }
            int score = score(tool, words);
            if (words.isEmpty() || score > 0) {
                ranked.add(Map.entry(tool, score));
            }
        }
        if (ranked.isEmpty()) {
            return ToolResult.ok("no tool matches" + (pack == null ? "" : " in pack " + pack) + "; packs: "
                    + String.join(", ", offered.values().stream().map(RegisteredTool::pack).distinct().toList()));
        }
        // best score first; among equals the shorter, more general name
        ranked.sort(Comparator.<Map.Entry<RegisteredTool, Integer>>comparingInt(Map.Entry::getValue).reversed()
                .thenComparingInt(entry -> entry.getKey().name().length())
                .thenComparing(entry -> entry.getKey().name()));
        StringBuilder out = new StringBuilder();
        ranked.stream().limit(limit).forEach(entry -> {
            RegisteredTool tool = entry.getKey();
            out.append(tool.name()).append("  ").append(tool.definition().elevated() ? "elevated" : "read").append("  ")
                    .append(firstSentence(tool.definition().description())).append('\n');
        });
        if (ranked.size() > limit) {
            out.append(ranked.size() - limit).append(" more: narrow the words or raise limit\n");
        }
        return ToolResult.ok(out.toString().stripTrailing());
    }

    /**
     * Words in the name count most (a whole name part more than a part of one, all words in a row most), then the
     * pack's name, then words in the description.
     */
    private static int score(RegisteredTool tool, List<String> words) {
        List<String> parts = List.of(tool.name().split("_"));
        String description = tool.definition().description().toLowerCase(Locale.ROOT);
        int score = words.size() > 1 && tool.name().contains(String.join("_", words)) ? 6 : 0;
        for (String word : words) {
            if (parts.contains(word)) {
                score += 4;
            } else if (tool.name().contains(word)) {
                score += 3;
            } else if (tool.pack().equals(word)) {
                score += 2;
            } else if (description.contains(word)) {
                score += 1;
            }
        }
        return score;
    }

    private static String firstSentence(String description) {
        int end = description.indexOf(". ");
        return end > 0 ? description.substring(0, end + 1) : description;
    }

    ToolResult describe(Map<String, Object> arguments, Predicate<RegisteredTool> visible) throws IOException {
        DiscoveryInputs.Describe input = json.convertValue(arguments == null ? Map.of() : arguments, DiscoveryInputs.Describe.class);
        Optional<RegisteredTool> found = find(input.name()).filter(visible);
        if (found.isEmpty()) {
            return unknown(input.name());
        }
        RegisteredTool tool = found.get();
        McpSchema.Tool described = catalog.tool(tool.name());
        return ToolResult.ok(tool.name() + " (" + tool.pack() + " pack, " + (tool.definition().elevated() ? "elevated" : "read-only")
                + (tool.definition().hints().destructive() ? ", destructive: confirm: true" : "") + ")\n"
                + tool.definition().description() + "\ninput schema: " + json.writeValueAsString(described.inputSchema()));
    }

    /** The tool a {@code proxmox_tool_call} names with its arguments checked against its schema, or the error to answer. */
    Resolved resolve(Map<String, Object> arguments) {
        Object name = arguments == null ? null : arguments.get("name");
        Optional<RegisteredTool> tool = name instanceof String text ? find(text) : Optional.empty();
        if (tool.isEmpty()) {
            return new Resolved(null, Map.of(), unknown(name == null ? null : name.toString()));
        }
        Object given = arguments.get("arguments");
        if (given != null && !(given instanceof Map<?, ?>)) {
            return new Resolved(null, Map.of(), ToolResult.error("Invalid arguments: arguments must be an object. Nothing was sent to Proxmox."));
        }
        Map<String, Object> inner = given == null ? Map.of() : json.convertValue(given, MAP);
        JsonSchemaValidator.ValidationResponse valid = validator.validate(catalog.tool(tool.get().name()).inputSchema(), inner);
        if (!valid.valid()) {
            return new Resolved(null, Map.of(), ToolResult.error("Invalid arguments for " + tool.get().name() + ": "
                    + schemaProblems(valid.errorMessage()) + ". Nothing was sent to Proxmox; see proxmox_tool_describe."));
        }
        return new Resolved(tool.get(), inner, null);
    }

    /** The validator's problems without its wrapping: {@code Validation failed: ... errors: [: a, /x: b]} -> {@code a; x: b}. */
    static String schemaProblems(String message) {
        int open = message.indexOf('[');
        int close = message.lastIndexOf(']');
        String inner = open >= 0 && close > open ? message.substring(open + 1, close) : message;
        return java.util.Arrays.stream(inner.split(", (?=[$/:])"))
                .map(String::trim)
                .map(problem -> problem.replaceFirst("^\\$?[:]\\s*", "").replaceFirst("^\\$?/", ""))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    record Resolved(RegisteredTool tool, Map<String, Object> arguments, ToolResult refusal) {
    }

    private Optional<RegisteredTool> find(String name) {
        return Optional.ofNullable(name == null ? null : offered.get(name.trim()));
    }

    private static ToolResult unknown(String name) {
        return ToolResult.error("No tool " + (name == null || name.isBlank() ? "named" : "'" + name + "'")
                + " in this deployment: find one with " + SEARCH + ".");
    }
}
