package io.github.proxmoxmcp.server.cli;

import io.github.proxmoxmcp.server.ServerRuntime;
import io.github.proxmoxmcp.server.config.SettingsException;
import io.github.proxmoxmcp.server.mcp.LineStdioTransportProvider;
import io.github.proxmoxmcp.server.mcp.McpToolServer;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * A representative session against the sandbox (initialize, tools/list, a few calls), run by the
 * launcher under {@code -XX:AOTCacheOutput} so the JDK records what start-up loads and links.
 */
@Command(name = "warmup", description = "Create the start-up cache (run it through bin/proxmox-mcp, which records the cache).")
final class WarmupCommand implements Callable<Integer> {

    private static final String SESSION = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"warmup","version":"1"}}}
            {"jsonrpc":"2.0","method":"notifications/initialized"}
            {"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}
            {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"proxmox_node_list","arguments":{}}}
            {"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"proxmox_guest_list","arguments":{}}}
            {"jsonrpc":"2.0","id":5,"method":"ping"}
            """;

    @ParentCommand
    private RootCommand root;

    @Override
    public Integer call() throws InterruptedException {
        root.sandbox = true;
        ServerRuntime runtime;
        try {
            runtime = ServerRuntime.start(root.settings(true));
        } catch (SettingsException e) {
            return RootCommand.configError(e);
        }
        McpJsonMapper json = McpJsonDefaults.getMapper();
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        LineStdioTransportProvider transport = new LineStdioTransportProvider(json,
                new ByteArrayInputStream(SESSION.getBytes(StandardCharsets.UTF_8)), replies);
        McpAsyncServer server = McpToolServer.start(runtime, transport, json);
        transport.awaitEnd(Duration.ofSeconds(20));
        server.close();
        runtime.close();
        long answered = replies.toString(StandardCharsets.UTF_8).lines().count();
        System.err.println("proxmox-mcp: warmup session answered " + answered + " requests");
        return answered >= 5 ? 0 : 1;
    }
}
