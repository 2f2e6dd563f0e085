package io.github.proxmoxmcp.server.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.spi.Tier;
import io.github.proxmoxmcp.server.registry.RegisteredTool;
import io.github.proxmoxmcp.server.registry.ToolRegistry;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Claude Code plugin's files: how it starts the server, and the tools its subagents may use. */
class PluginFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String PLUGIN = "proxmox-mcp";

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> servers() throws IOException {
        Map<String, Object> mcp = McpJsonDefaults.getMapper().readValue(Files.readString(ROOT.resolve(".mcp.json")), Map.class);
        return (Map<String, Map<String, Object>>) mcp.get("mcpServers");
    }

    @Test
    void theServerEntriesPassOnlyWhatTheUserSet() throws IOException {
        Map<String, Map<String, Object>> servers = servers();
        assertEquals(List.of("proxmox", "proxmox-sandbox"), List.copyOf(servers.keySet()));
        for (var entry : servers.entrySet()) {
            assertEquals("${CLAUDE_PLUGIN_ROOT}/bin/proxmox-mcp", entry.getValue().get("command"), entry.getKey());
            @SuppressWarnings("unchecked")
            Map<String, String> env = (Map<String, String>) entry.getValue().get("env");
            // "${NAME:-}" is empty where the user set nothing, and the server treats an empty variable as unset:
            // no literal "${NAME}", and no default that would override the server's own choice
            env.forEach((name, value) -> assertEquals("${" + name + ":-}", value, entry.getKey() + " " + name));
            assertFalse(env.containsKey("MCP_TRANSPORT"), "a plugin entry speaks stdio whatever the shell says");
        }
        assertEquals(List.of(), servers.get("proxmox").get("args"));
        assertEquals(List.of("--sandbox"), servers.get("proxmox-sandbox").get("args"));
        @SuppressWarnings("unchecked")
        Map<String, String> real = (Map<String, String>) servers.get("proxmox").get("env");
        assertTrue(real.keySet().containsAll(List.of("PROXMOX_HOST", "PROXMOX_URL", "PROXMOX_TOKEN_NAME", "PROXMOX_TOKEN_VALUE",
                "PROXMOX_PASSWORD", "PROXMOX_CA_FILE", "PROXMOX_TLS_FINGERPRINT", "PROXMOX_SSL_MODE", "PROXMOX_ALLOW_ELEVATED")),
                real.keySet().toString());
    }

    /**
     * The frontmatter of an agent or skill file: {@code key: value} lines between the two {@code ---}; a
     * {@code key: |} block takes the indented lines that follow it.
     */
    static Map<String, String> frontmatter(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertEquals("---", lines.getFirst(), file + " starts with its frontmatter");
        Map<String, String> fields = new LinkedHashMap<>();
        String block = null;
        for (String line : lines.subList(1, lines.size())) {
            if (line.equals("---")) {
                return fields;
            }
            if (block != null && (line.isEmpty() || line.startsWith("  "))) {
                fields.merge(block, line.strip() + "\n", String::concat);
                continue;
            }
            block = null;
            int colon = line.indexOf(':');
            assertTrue(colon > 0 && !Character.isWhitespace(line.charAt(0)), file + ": not a key: value line: " + line);
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1).trim();
            if (value.equals("|")) {
                block = key;
                fields.put(key, "");
            } else {
                fields.put(key, value);
            }
        }
        throw new AssertionError(file + ": the frontmatter has no closing ---");
    }

    private static List<Path> agents() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("agents"))) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
    }

    @Test
    void everySubagentToolIsACatalogToolUnderThePluginsPrefix() throws IOException {
        Map<String, RegisteredTool> catalog = ToolRegistry.load(List.of()).all().stream()
                .collect(Collectors.toMap(RegisteredTool::name, Function.identity()));
        List<String> names = new ArrayList<>();
        for (Path agent : agents()) {
            Map<String, String> fields = frontmatter(agent);
            String description = fields.getOrDefault("description", "");
            String name = fields.get("name");
            names.add(name);
            assertEquals(agent.getFileName().toString(), name + ".md");
            assertEquals("inherit", fields.get("model"), name);
            List<String> tools = Arrays.stream(fields.get("tools").split(",")).map(String::trim).toList();
            assertFalse(tools.isEmpty(), name);
            List<String> proxmoxTools = new ArrayList<>();
            for (String tool : tools) {
                String server = tool.startsWith("mcp__plugin_" + PLUGIN + "_proxmox-sandbox__") ? "proxmox-sandbox" : "proxmox";
                String prefix = "mcp__plugin_" + PLUGIN + "_" + server + "__";
                if (!tool.startsWith("mcp__")) {
                    continue; // one of Claude Code's own tools (Read, Grep, ...)
                }
                assertTrue(tool.startsWith(prefix), name + ": " + tool + " lacks the plugin's prefix " + prefix);
                String toolName = tool.substring(prefix.length());
                assertTrue(catalog.containsKey(toolName), name + ": " + toolName + " is not a tool of the catalog");
                if (server.equals("proxmox")) {
                    proxmoxTools.add(toolName);
                    assertTrue(tools.contains("mcp__plugin_" + PLUGIN + "_proxmox-sandbox__" + toolName),
                            name + ": " + toolName + " is also offered on the sandbox");
                }
                if (name.equals("monitor")) {
                    assertEquals(Tier.BASIC, catalog.get(toolName).definition().tier(), "the monitor only reads: " + toolName);
                }
            }
            assertFalse(proxmoxTools.isEmpty(), name + " has tools of the server");
            long examples = description.split("<example>", -1).length - 1L;
            assertTrue(examples >= 2 && examples <= 4, name + ": 2-4 <example> blocks in its description, found " + examples);
            assertTrue(description.contains("Use it"), name + ": its description says when to use it");
        }
        assertEquals(List.of("access-admin", "cluster-admin", "lxc-manager", "monitor", "network-admin", "storage-admin",
                "vm-manager"), names);
    }

    @Test
    void theSkillsFollowTheAgentSkillsFormat() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ROOT.resolve("skills"))) {
            for (Path dir : dirs.sorted().toList()) {
                Map<String, String> fields = frontmatter(dir.resolve("SKILL.md"));
                String name = fields.get("name");
                names.add(name);
                assertEquals(dir.getFileName().toString(), name, "a skill's name is its folder's");
                assertTrue(name.matches("[a-z0-9]+(-[a-z0-9]+)*") && name.length() <= 64, name);
                String description = fields.getOrDefault("description", "");
                assertTrue(!description.isBlank() && description.length() <= 1024, name + ": a description of at most 1024 characters");
                assertTrue(description.contains("Use when") || description.contains("Use whenever"), name + " says when to use it");
            }
        }
        assertEquals(List.of("proxmox-admin", "proxmox-mcp-tools"), names);
    }
}
