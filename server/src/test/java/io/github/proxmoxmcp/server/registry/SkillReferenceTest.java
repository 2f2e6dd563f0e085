package io.github.proxmoxmcp.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.spi.ToolPack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every pack ships its skill; skills/proxmox-mcp-tools/references/ is what the registry renders today. */
class SkillReferenceTest {

    private static final Path REFERENCES = Path.of("..", "skills", "proxmox-mcp-tools", "references");

    /** The packs of this repository (tool-packs/*), not the test packs of the core's test jar. */
    private static List<ToolPack> packs(ToolRegistry registry) throws IOException {
        List<String> names;
        try (Stream<Path> dirs = Files.list(Path.of("..", "tool-packs"))) {
            names = dirs.map(d -> d.getFileName().toString()).filter(n -> !n.equals("core")).sorted().toList();
        }
        List<ToolPack> packs = registry.packs().stream().filter(p -> names.contains(p.name())).toList();
        assertEquals(names, packs.stream().map(ToolPack::name).sorted().toList(), "every pack of tool-packs/ is on the class path");
        return packs;
    }

    @Test
    void everyPackShipsItsSkillWithTheThreeSections() throws IOException {
        for (ToolPack pack : packs(ToolRegistry.load(List.of()))) {
            String skill = pack.skill();
            for (String section : List.of("## When to use\n", "## Traps\n", "## Recipes\n")) {
                assertTrue(skill.contains(section), pack.name() + " has no " + section.strip());
            }
        }
    }

    @Test
    void theReferencesAreNotStale() throws IOException {
        ToolRegistry registry = ToolRegistry.load(List.of());
        String fix = ": run bin/proxmox-mcp tools --references skills/proxmox-mcp-tools/references";
        List<ToolPack> packs = packs(registry);
        for (ToolPack pack : packs) {
            Path file = REFERENCES.resolve(pack.name() + ".md");
            assertTrue(Files.exists(file), file + " is missing" + fix);
            assertEquals(SkillReference.render(pack, registry), Files.readString(file), file + " is stale" + fix);
        }
        try (Stream<Path> files = Files.list(REFERENCES)) {
            assertEquals(packs.stream().map(p -> p.name() + ".md").sorted().toList(),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "one file per pack, none for a pack that is gone" + fix);
        }
    }

    @Test
    void aReferenceIsTheSkillThenTheTools() {
        ToolRegistry registry = ToolRegistry.load(List.of("ha"));
        String text = SkillReference.render(registry.packs().getFirst(), registry);
        assertTrue(text.startsWith("# The ha tools\n\n" + registry.packs().getFirst().summary() + "\n\nGenerated from the tool registry"), text);
        assertTrue(text.indexOf("## Recipes") < text.indexOf("## Tools"), text);
        assertTrue(text.contains("\n| `proxmox_ha_status` | BASIC | "), text);
        assertEquals("proxmox://skills/ha", SkillReference.uri(registry.packs().getFirst()));
    }
}
