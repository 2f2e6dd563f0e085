package io.github.proxmoxmcp.server.cli;

import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.server.ServerRuntime;
import io.github.proxmoxmcp.server.config.SettingsException;
import io.github.proxmoxmcp.server.registry.RegisteredTool;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Runs one tool and prints its result; exit code 1 when the result is an error. */
@Command(name = "call", description = "Run one tool and print its result (exit code 1 when it is an error).")
final class CallCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Parameters(index = "0", paramLabel = "TOOL", description = "Tool name, e.g. proxmox_node_list.")
    String tool;

    @Parameters(index = "1", arity = "0..1", paramLabel = "JSON", description = "Arguments as a JSON object (default {}).")
    String arguments = "{}";

    @Override
    public Integer call() {
        ServerRuntime runtime;
        try {
            runtime = ServerRuntime.start(root.settings(true));
        } catch (SettingsException e) {
            return RootCommand.configError(e);
        }
        try (runtime) {
            RegisteredTool registered = runtime.registry().find(tool).orElse(null);
            if (registered == null) {
                System.err.println("proxmox-mcp: no tool named " + tool + " (see: proxmox-mcp tools)");
                return RootCommand.CONFIG_ERROR;
            }
            Map<String, Object> args;
            try {
                args = McpJsonDefaults.getMapper().readValue(arguments, new TypeRef<Map<String, Object>>() { });
            } catch (IOException | RuntimeException e) {
                System.err.println("proxmox-mcp: the arguments must be a JSON object, e.g. '{\"node\":\"pve1\"}'");
                return RootCommand.CONFIG_ERROR;
            }
            ToolResult result = runtime.gateway()
                    .flatMap(gateway -> gateway.call(registered.definition(), args == null ? Map.of() : args,
                            (progress, total, message) -> System.err.println("… " + message)))
                    .block();
            root.stdout.println(result.text());
            root.stdout.flush();
            return result.error() ? 1 : 0;
        }
    }

}
