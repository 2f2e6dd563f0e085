package io.github.proxmoxmcp.server.registry;

import io.github.proxmoxmcp.core.spi.ToolPack;

/**
 * A pack's guidance for an agent: its own skill markdown (shipped in its jar) followed by its tools from the
 * registry. The same text is a file of the {@code proxmox-mcp-tools} skill's {@code references/} and the MCP
 * resource {@code proxmox://skills/<pack>}, so clients without the plugin get it too.
 */
public final class SkillReference {

    public static final String URI_PREFIX = "proxmox://skills/";

    private SkillReference() {
    }

    public static String uri(ToolPack pack) {
        return URI_PREFIX + pack.name();
    }

    public static String render(ToolPack pack, ToolRegistry registry) {
        StringBuilder out = new StringBuilder("# The ").append(pack.name()).append(" tools\n\n")
                .append(pack.summary()).append("\n\n")
                .append("Generated from the tool registry and the pack's skill by `bin/proxmox-mcp tools --references DIR`; ")
                .append("a test fails when it is stale.\n");
        String skill = pack.skill().strip();
        if (!skill.isEmpty()) {
            out.append("\n").append(skill).append("\n");
        }
        out.append("\n## Tools\n\nBASIC tools only read; ELEVATED tools need `PROXMOX_ALLOW_ELEVATED=true`.\n\n")
                .append("| tool | tier | what it does |\n|---|---|---|\n");
        registry.all().stream().filter(t -> t.pack().equals(pack.name())).forEach(t -> out.append("| `").append(t.name())
                .append("` | ").append(t.definition().tier()).append(t.definition().hints().destructive() ? " (destructive)" : "")
                .append(" | ").append(t.definition().description().replace("|", "\\|")).append(" |\n"));
        return out.toString();
    }
}
