package io.github.proxmoxmcp.server.cli;

import io.github.proxmoxmcp.server.config.Settings;
import io.github.proxmoxmcp.server.config.SettingsException;
import io.github.proxmoxmcp.server.mcp.McpToolServer;
import io.github.proxmoxmcp.server.registry.SkillReference;
import io.github.proxmoxmcp.server.registry.ToolRegistry;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Prints the tool catalog: a line per tool, the JSON a client receives, or the markdown of docs/TOOLS.md. */
@Command(name = "tools", description = "List the tools: pack, name, tier, description.")
final class ToolsCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Option(names = "--json", description = "Print the tools/list result a client receives with the current settings.")
    boolean json;

    @Option(names = "--markdown", description = "Print the tool reference (docs/TOOLS.md).")
    boolean markdown;

    @Option(names = "--references", paramLabel = "DIR",
            description = "Write each pack's guidance and tools to DIR/<pack>.md (skills/proxmox-mcp-tools/references).")
    java.nio.file.Path references;

    @Override
    public Integer call() throws IOException {
        Settings settings;
        ToolRegistry registry;
        try {
            settings = root.settings(false);
            registry = ToolRegistry.load(settings.packs(), settings.tools());
        } catch (SettingsException e) {
            return RootCommand.configError(e);
        }
        if (json) {
            McpJsonMapper mapper = McpJsonDefaults.getMapper();
            root.stdout.println(mapper.writeValueAsString(Map.of("tools", McpToolServer.listing(registry, settings, mapper))));
        } else if (references != null) {
            java.nio.file.Files.createDirectories(references);
            for (var pack : registry.packs()) {
                java.nio.file.Files.writeString(references.resolve(pack.name() + ".md"), SkillReference.render(pack, registry));
            }
        } else if (markdown) {
            root.stdout.print(ToolsMarkdown.render(registry, McpJsonDefaults.getMapper()));
        } else {
            root.stdout.print(ToolsMarkdown.table(registry, settings.allowElevated()));
        }
        root.stdout.flush();
        return 0;
    }
}
