package io.github.proxmoxmcp.server.mcp;

import io.github.proxmoxmcp.core.spi.ProgressReporter;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.server.ServerRuntime;
import io.github.proxmoxmcp.server.Version;
import io.github.proxmoxmcp.server.registry.RegisteredTool;
import io.github.proxmoxmcp.server.config.Settings;
import io.github.proxmoxmcp.server.registry.ToolCatalog;
import io.github.proxmoxmcp.server.registry.ToolRegistry;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The MCP server over the registry: every tool is registered so that a call by name always reaches
 * the permission gate, and a list filter hides ELEVATED tools when they are disabled.
 */
public final class McpToolServer {

    private static final Logger LOG = LoggerFactory.getLogger(McpToolServer.class);
    static final String INSTRUCTIONS = """
            Tools for one Proxmox VE cluster. Conventions shared by all tools:
            - Guest tools take a vmid and find its node and type (qemu|lxc) themselves; give them only to skip the lookup.
            - Node tools use PROXMOX_DEFAULT_NODE when node is omitted, if the operator set one.
            - Tools that start a task wait for it (wait, default true) up to timeout seconds (default 300) and report OK,             warnings, or the failure with the task log tail; with wait=false they return the task id             (follow it with proxmox_node_task_get).
            - Destructive calls (delete, rollback, stop, reset, power off...) need confirm: true; check the target first.
            - Lists are bounded by limit and say how many more there are.""";

    private McpToolServer() {
    }

    /** Over a single-session transport (stdio). */
    public static McpAsyncServer start(ServerRuntime runtime, McpServerTransportProvider transport, McpJsonMapper json) {
        return configure(McpServer.async(transport), runtime, json);
    }

    /** Over Streamable HTTP, one MCP session per client. */
    public static McpAsyncServer start(ServerRuntime runtime, McpStreamableServerTransportProvider transport, McpJsonMapper json) {
        return configure(McpServer.async(transport), runtime, json);
    }

    private static McpAsyncServer configure(McpServer.AsyncSpecification<?> server, ServerRuntime runtime, McpJsonMapper json) {
        List<RegisteredTool> all = runtime.registry().all();
        ToolCatalog catalog = new ToolCatalog(all, json);
        boolean elevated = runtime.settings().allowElevated();
        List<RegisteredTool> offered = runtime.registry().listed(elevated);
        List<McpServerFeatures.AsyncToolSpecification> specifications = new ArrayList<>(all.stream()
                .map(tool -> McpServerFeatures.AsyncToolSpecification.builder()
                        .tool(catalog.tool(tool.name()))
                        .callHandler((exchange, request) -> call(runtime, tool, exchange, request))
                        .build())
                .toList());
        Set<String> listed;
        String instructions = INSTRUCTIONS;
        if (runtime.settings().toolMode().equals("discover")) {
            DiscoveryTools discovery = new DiscoveryTools(offered, catalog, json, McpJsonDefaults.getSchemaValidator(), elevated);
            specifications.addAll(discoverySpecifications(runtime, discovery));
            listed = discovery.tools().stream().map(McpSchema.Tool::name).collect(Collectors.toUnmodifiableSet());
            instructions = INSTRUCTIONS + DiscoveryTools.INSTRUCTIONS;
        } else {
            listed = offered.stream().map(RegisteredTool::name).collect(Collectors.toUnmodifiableSet());
        }
        return server
                .serverInfo("proxmox-mcp", Version.text())
                .instructions(instructions)
                .jsonMapper(json)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(specifications)
                .addToolFilter((context, tool) -> {
                    // The first tools/list comes right after initialize: a good moment to start the beans
                    // in the background, while the client is still busy with the list.
                    runtime.startContext();
                    return Mono.just(listed.contains(tool.name()) && visible(runtime, context, tool.name()));
                })
                .build();
    }

    /** The tools/list a client receives with these settings: the offered tools, or the three discovery tools. */
    public static List<McpSchema.Tool> listing(ToolRegistry registry, Settings settings, McpJsonMapper json) {
        List<RegisteredTool> offered = registry.listed(settings.allowElevated());
        if (settings.toolMode().equals("discover")) {
            return new DiscoveryTools(offered, new ToolCatalog(offered, json), json, McpJsonDefaults.getSchemaValidator(),
                    settings.allowElevated()).tools();
        }
        return new ToolCatalog(offered, json).tools();
    }

    private static List<McpServerFeatures.AsyncToolSpecification> discoverySpecifications(ServerRuntime runtime,
                                                                                         DiscoveryTools discovery) {
        List<McpSchema.Tool> tools = discovery.tools();
        return List.of(
                McpServerFeatures.AsyncToolSpecification.builder().tool(tools.get(0))
                        .callHandler((exchange, request) -> Mono.fromCallable(() -> result(discovery.search(request.arguments(),
                                Narrowing.of(exchange.transportContext())::allows))))
                        .build(),
                McpServerFeatures.AsyncToolSpecification.builder().tool(tools.get(1))
                        .callHandler((exchange, request) -> Mono.fromCallable(() -> result(discovery.describe(request.arguments(),
                                Narrowing.of(exchange.transportContext())::allows))))
                        .build(),
                McpServerFeatures.AsyncToolSpecification.builder().tool(tools.get(2))
                        .callHandler((exchange, request) -> {
                            DiscoveryTools.Resolved resolved = discovery.resolve(request.arguments());
                            if (resolved.refusal() != null) {
                                return Mono.just(result(resolved.refusal()));
                            }
                            return call(runtime, resolved.tool(), exchange,
                                    new McpSchema.CallToolRequest(resolved.tool().name(), resolved.arguments(), request.meta()));
                        })
                        .build());
    }

    private static McpSchema.CallToolResult result(ToolResult result) {
        return McpSchema.CallToolResult.builder().addTextContent(result.text()).isError(result.error()).build();
    }

    /** Discovery tools are always visible; any other tool only if the client's narrowing allows it. */
    private static boolean visible(ServerRuntime runtime, McpTransportContext context, String name) {
        return runtime.registry().find(name).map(Narrowing.of(context)::allows).orElse(true);
    }

    private static Mono<McpSchema.CallToolResult> call(ServerRuntime runtime, RegisteredTool tool,
                                                       McpAsyncServerExchange exchange, McpSchema.CallToolRequest request) {
        if (!Narrowing.of(exchange.transportContext()).allows(tool)) {
            return Mono.just(result(ToolResult.error(tool.name() + " is not available to this client: its "
                    + Narrowing.TOOLSETS + ", " + Narrowing.TOOLS + " or " + Narrowing.READONLY + " header leaves it out. "
                    + "Nothing was sent to Proxmox.")));
        }
        ProgressReporter progress = reporter(exchange, request);
        return runtime.gateway()
                .flatMap(gateway -> gateway.call(tool.definition(), request.arguments(), progress))
                .onErrorResume(failure -> {
                    LOG.warn("{} failed unexpectedly: {}", tool.name(), failure.toString());
                    return Mono.just(ToolResult.error("Internal error while running " + tool.name() + ": "
                            + failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage())));
                })
                .map(McpToolServer::result);
    }

    private static ProgressReporter reporter(McpAsyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        if (token == null) {
            return ProgressReporter.NONE;
        }
        return (progress, total, message) -> exchange
                .progressNotification(new McpSchema.ProgressNotification(token, progress, total, message))
                .subscribe(ok -> { }, error -> LOG.debug("progress not sent: {}", error.toString()));
    }
}
