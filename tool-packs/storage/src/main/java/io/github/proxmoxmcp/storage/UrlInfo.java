package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** {@code proxmox_storage_url_info}: what a node finds at a URL before downloading it: file name, size, type. */
final class UrlInfo {

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @NotNull String url) {
    }

    private UrlInfo() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_storage_url_info",
                "File name, size and type a node finds at a URL.",
                Input.class, UrlInfo::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Urls.checked(input.url());
        String node = context.node(input.node());
        return context.bean(StorageClient.class).urlMetadata(node, Params.create().put("url", input.url()).map())
                .map(r -> ToolResult.ok(String.join("\n",
                        "filename: " + Json.text(r.dataOrNull(), "filename", "-"),
                        "size: " + Json.number(r.dataOrNull(), "size").map(Format::bytes).orElse("unknown"),
                        "mimetype: " + Json.text(r.dataOrNull(), "mimetype", "-"))));
    }
}
