package io.github.proxmoxmcp.server.cli;

import io.github.proxmoxmcp.server.ServerRuntime;
import io.github.proxmoxmcp.server.config.Settings;
import io.github.proxmoxmcp.server.config.SettingsException;
import io.github.proxmoxmcp.server.mcp.JsonAhead;
import io.github.proxmoxmcp.server.mcp.LineStdioTransportProvider;
import io.github.proxmoxmcp.server.mcp.McpToolServer;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Representative sessions that the launcher runs while the JDK records the start-up cache, in two layers. The base
 * layer, which the JVM loads and links in full at every start, holds only what a session's first answers need
 * ({@code --first-answers}: initialize and tools/list for a configured cluster, no bean context). The top layer, whose
 * classes are read only when used, holds the rest of a session against the sandbox: the bean context, the HTTP
 * client and a few calls.
 */
@Command(name = "warmup", description = "Create the start-up cache (run it through bin/proxmox-mcp, which records the cache).")
final class WarmupCommand implements Callable<Integer> {

    private static final String FIRST_ANSWERS = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"warmup","version":"1"}}}
            {"jsonrpc":"2.0","method":"notifications/initialized"}
            {"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}
            {"jsonrpc":"2.0","id":3,"method":"resources/list","params":{}}
            {"jsonrpc":"2.0","id":4,"method":"ping"}
            """;
    private static final String SESSION = FIRST_ANSWERS + """
            {"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"proxmox_node_list","arguments":{}}}
            {"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"proxmox_guest_list","arguments":{}}}
            {"jsonrpc":"2.0","id":7,"method":"ping"}
            """;
    /** A configured cluster that the first answers never contact. */
    private static final Map<String, String> CONFIGURED = Map.of("PROXMOX_URL", "https://127.0.0.1:9",
            "PROXMOX_TOKEN_NAME", "warmup", "PROXMOX_TOKEN_VALUE", "never-sent", "PROXMOX_ALLOW_ELEVATED", "true");

    @ParentCommand
    private RootCommand root;

    @Option(names = "--first-answers", hidden = true, description = "Only the first answers, with no bean context (the base layer).")
    boolean firstAnswers;

    @Override
    public Integer call() throws InterruptedException {
        JsonAhead.start();
        String session = firstAnswers ? FIRST_ANSWERS : SESSION;
        ServerRuntime runtime;
        try {
            if (firstAnswers) {
                runtime = ServerRuntime.withoutContext(root.settings(Settings.fromEnvironment(CONFIGURED), true));
            } else {
                root.sandbox = true;
                runtime = ServerRuntime.start(root.settings(true));
            }
        } catch (SettingsException e) {
            return RootCommand.configError(e);
        }
        McpJsonMapper json = McpJsonDefaults.getMapper();
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        LineStdioTransportProvider transport = new LineStdioTransportProvider(json,
                new ByteArrayInputStream(session.getBytes(StandardCharsets.UTF_8)), replies);
        McpAsyncServer server = McpToolServer.start(runtime, transport, json);
        transport.awaitEnd(Duration.ofSeconds(20));
        server.close();
        runtime.close();
        long expected = session.lines().filter(line -> line.contains("\"id\"")).count();
        long answered = replies.toString(StandardCharsets.UTF_8).lines().count();
        System.err.println("proxmox-mcp: warmup session answered " + answered + " of " + expected + " requests");
        return answered == expected ? 0 : 1;
    }
}
