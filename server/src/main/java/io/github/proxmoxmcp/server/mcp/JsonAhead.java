package io.github.proxmoxmcp.server.mcp;

import io.github.proxmoxmcp.server.registry.SchemaIndex;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * The JSON work of a session's first answers that needs no settings: the mapper, the schema index of the jar, and the
 * serializers of the first messages, which Jackson builds on first use. Started on another thread when a server
 * starts, it runs on the second core while the main thread reads the settings and loads the packs, instead of after
 * them on the way to the {@code initialize} answer.
 */
public final class JsonAhead {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{"roots":{"listChanged":true}},"clientInfo":{"name":"ahead","version":"0"}}}""";
    private static final String CALL = """
            {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ahead","arguments":{},"_meta":{"progressToken":1}}}""";

    private JsonAhead() {
    }

    public static void start() {
        Thread.ofPlatform().name("json-ahead").daemon(true).start(JsonAhead::run);
    }

    private static void run() {
        try {
            McpJsonMapper json = McpJsonDefaults.getMapper();
            SchemaIndex.bundled();
            var initialize = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(json, INITIALIZE);
            json.convertValue(initialize.params(), McpSchema.InitializeRequest.class);
            var call = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(json, CALL);
            json.convertValue(call.params(), McpSchema.CallToolRequest.class);
            McpSchema.Tool tool = McpSchema.Tool.builder().name("ahead").description("")
                    .inputSchema(Map.of("type", "object", "properties", Map.of()))
                    .annotations(new McpSchema.ToolAnnotations(null, true, false, true, false, null)).build();
            json.writeValueAsString(new McpSchema.JSONRPCResponse("2.0", 0, new McpSchema.InitializeResult("2025-06-18",
                    McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build(),
                    new McpSchema.Implementation("ahead", "0"), ""), null));
            json.writeValueAsString(new McpSchema.JSONRPCResponse("2.0", 1, new McpSchema.ListToolsResult(List.of(tool), null), null));
        } catch (java.io.IOException | RuntimeException e) {
            // only a head start: the session does the same work itself when it comes to it
        }
    }
}
