package io.github.proxmoxmcp.server.cli;

import io.github.proxmoxmcp.server.mcp.HttpBridge;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** stdio to a remote Streamable HTTP server, for clients that speak only stdio. */
@Command(name = "bridge", description = "Serve stdio by forwarding to a remote proxmox-mcp over Streamable HTTP.")
final class BridgeCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "e.g. https://mcp.example.com/mcp")
    String url;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the bearer token (else MCP_AUTH_TOKEN).")
    Path tokenFile;

    @Override
    public Integer call() throws IOException {
        URI target;
        try {
            target = URI.create(url);
            if (target.getScheme() == null || !target.getScheme().matches("https?") || target.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            System.err.println("proxmox-mcp: --url: expected http(s)://host[:port]/mcp, got '" + url + "'");
            return RootCommand.CONFIG_ERROR;
        }
        Optional<String> token;
        if (tokenFile != null) {
            if (!Files.isReadable(tokenFile)) {
                System.err.println("proxmox-mcp: --token-file: cannot read " + tokenFile);
                return RootCommand.CONFIG_ERROR;
            }
            token = Optional.of(Files.readString(tokenFile).strip()).filter(t -> !t.isEmpty());
        } else {
            token = Optional.ofNullable(System.getenv("MCP_AUTH_TOKEN")).filter(t -> !t.isBlank());
        }
        new HttpBridge(target, token, McpJsonDefaults.getMapper(), root.stdout).run(System.in);
        return 0;
    }
}
