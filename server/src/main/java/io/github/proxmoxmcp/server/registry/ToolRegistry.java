package io.github.proxmoxmcp.server.registry;

import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolPack;
import io.github.proxmoxmcp.server.config.SettingsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The tools of the enabled packs, found with {@link ServiceLoader}. Built without the DI context, so
 * the tool list is ready before any bean exists.
 */
public final class ToolRegistry {

    private final List<ToolPack> packs;
    private final Map<String, RegisteredTool> tools;

    private ToolRegistry(List<ToolPack> packs, Map<String, RegisteredTool> tools) {
        this.packs = packs;
        this.tools = tools;
    }

    /** The packs on the class path, restricted to {@code enabled} unless it is empty. */
    public static ToolRegistry load(List<String> enabled) {
        return load(enabled, List.of());
    }

    /** Also restricted to the tools named in {@code allowed} (PROXMOX_TOOLS) unless it is empty. */
    public static ToolRegistry load(List<String> enabled, List<String> allowed) {
        List<ToolPack> available = new ArrayList<>();
        ServiceLoader.load(ToolPack.class).forEach(available::add);
        available.sort(Comparator.comparing(ToolPack::name));
        return of(available, enabled, allowed);
    }

    static ToolRegistry of(List<ToolPack> available, List<String> enabled) {
        return of(available, enabled, List.of());
    }

    static ToolRegistry of(List<ToolPack> available, List<String> enabled, List<String> allowed) {
        TreeSet<String> known = new TreeSet<>(available.stream().map(ToolPack::name).toList());
        List<String> unknown = enabled.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new SettingsException("PROXMOX_TOOL_PACKS: unknown pack(s) " + String.join(", ", unknown)
                    + "; available: " + String.join(", ", known));
        }
        List<ToolPack> chosen = available.stream().filter(p -> enabled.isEmpty() || enabled.contains(p.name())).toList();
        Map<String, RegisteredTool> tools = new LinkedHashMap<>();
        for (ToolPack pack : chosen) {
            for (ToolDefinition<?> tool : pack.tools()) {
                RegisteredTool previous = tools.putIfAbsent(tool.name(), new RegisteredTool(pack.name(), tool));
                if (previous != null) {
                    throw new IllegalStateException("tool " + tool.name() + " is defined by both " + previous.pack()
                            + " and " + pack.name());
                }
            }
        }
        if (!allowed.isEmpty()) {
            List<String> unknownTools = allowed.stream().filter(name -> !tools.containsKey(name)).toList();
            if (!unknownTools.isEmpty()) {
                throw new SettingsException("PROXMOX_TOOLS: unknown tool(s) " + unknownTools.stream()
                        .map(name -> name + closest(name, tools.keySet())).collect(java.util.stream.Collectors.joining(", "))
                        + (enabled.isEmpty() ? "" : " in the packs " + String.join(", ", enabled))
                        + "; list them with: proxmox-mcp tools");
            }
            tools.keySet().retainAll(allowed);
        }
        return new ToolRegistry(chosen, tools);
    }

    /** " (did you mean a, b?)" with the nearest names by edit distance, or nothing when none is near. */
    private static String closest(String name, java.util.Set<String> names) {
        org.apache.commons.text.similarity.LevenshteinDistance distance = new org.apache.commons.text.similarity.LevenshteinDistance(12);
        List<String> near = names.stream()
                .map(candidate -> java.util.Map.entry(candidate, distance.apply(name, candidate)))
                .filter(entry -> entry.getValue() >= 0)
                .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().thenComparing(java.util.Map.Entry.comparingByKey()))
                .limit(3)
                .map(java.util.Map.Entry::getKey)
                .toList();
        return near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)";
    }

    public List<ToolPack> packs() {
        return packs;
    }

    public List<RegisteredTool> all() {
        return List.copyOf(tools.values());
    }

    /** What a client sees: every tool, or only the BASIC ones when elevated tools are disabled. */
    public List<RegisteredTool> listed(boolean allowElevated) {
        return tools.values().stream().filter(t -> allowElevated || !t.definition().elevated()).toList();
    }

    public Optional<RegisteredTool> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }
}
