package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.client.ProxmoxUploads;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.github.proxmoxmcp.core.text.Format;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code proxmox_storage_upload}: put an ISO, a container template or an importable disk image on a storage, from
 * a URL (the node downloads it, after {@code query-url-metadata} named and sized it) or from a file on this server's
 * host (streamed, with a checksum Proxmox verifies). Both end in a task that is awaited.
 */
final class Upload {

    @Serdeable
    enum ImageContent {
        @JsonProperty("iso") iso,
        @JsonProperty("vztmpl") vztmpl,
        @JsonProperty("import") imports;

        @Override
        public String toString() {
            return this == imports ? "import" : name();
        }
    }

    /** The checksum algorithms Proxmox verifies, by its names, with their Java names. */
    static final Map<String, String> ALGORITHMS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224", "sha256", "SHA-256",
            "sha384", "SHA-384", "sha512", "SHA-512");

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @NotNull @PveId(STORAGE) String storage,
                 @NotNull ImageContent content,
                 String url,
                 @JsonPropertyDescription("Absolute, on this host") String path,
                 String filename,
                 String checksum,
                 @JsonProperty("checksum-algorithm") String algorithm,
                 @JsonProperty("wait") Boolean waitForTask,
                 Integer timeout) implements TaskInput {
    }

    private Upload() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_storage_upload",
                "Put an ISO, CT template or import image on a storage from a url or local path.",
                Input.class, ToolHints.WRITE, Upload::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        if ((input.url() == null) == (input.path() == null)) {
            throw new ToolInputException("give exactly one of url and path");
        }
        if (input.checksum() != null && input.algorithm() == null) {
            throw new ToolInputException("checksum needs checksum-algorithm");
        }
        if (input.algorithm() != null && !ALGORITHMS.containsKey(input.algorithm())) {
            throw new ToolInputException("checksum-algorithm must be one of " + new java.util.TreeSet<>(ALGORITHMS.keySet()));
        }
        if (input.filename() != null && (input.filename().isBlank() || input.filename().contains("/"))) {
            throw new ToolInputException("filename must be a file name, not a path");
        }
        if (input.url() != null) {
            if (input.checksum() == null && input.algorithm() != null) {
                throw new ToolInputException("checksum-algorithm goes with checksum");
            }
            URI url = Urls.checked(input.url());
            return StorageNode.of(input.storage(), input.node(), context).flatMap(node -> fromUrl(input, url, node, context));
        }
        Path file = localFile(input.path());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ToolInputException("path " + input.path() + " is not a readable regular file on the MCP server's host");
        }
        return StorageNode.of(input.storage(), input.node(), context).flatMap(node -> fromFile(input, file, node, context));
    }

    private static Mono<ToolResult> fromUrl(Input input, URI url, String node, ToolContext context) {
        StorageClient client = context.bean(StorageClient.class);
        return client.urlMetadata(node, Params.create().put("url", input.url()).map())
                .flatMap(metadata -> {
                    JsonNode about = metadata.dataOrNull();
                    String filename = input.filename() != null ? input.filename() : nameOf(Json.text(about, "filename"), url);
                    if (filename == null) {
                        return Mono.just(ToolResult.error("Proxmox found no file name at " + input.url() + " and the URL names "
                                + "none; nothing was downloaded. Give filename."));
                    }
                    String size = Json.number(about, "size").map(Format::bytes).orElse("size unknown");
                    Map<String, String> form = Params.create().put("url", input.url()).put("content", input.content().toString())
                            .put("filename", filename).put("checksum", input.checksum())
                            .put("checksum-algorithm", input.algorithm()).map();
                    return Tasks.finish(client.downloadUrl(node, input.storage(), form), input, context,
                            "download of " + volid(input, filename) + " (" + size + ") on " + node);
                });
    }

    private static Mono<ToolResult> fromFile(Input input, Path file, String node, ToolContext context) {
        String filename = input.filename() != null ? input.filename() : file.getFileName().toString();
        String algorithm = input.algorithm() == null ? "sha256" : input.algorithm();
        Mono<String> checksum = input.checksum() != null ? Mono.just(input.checksum())
                : Mono.fromCallable(() -> digest(file, algorithm)).subscribeOn(Schedulers.boundedElastic());
        return checksum.flatMap(sum -> {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("content", input.content().toString());
            fields.put("checksum-algorithm", algorithm);
            fields.put("checksum", sum);
            String what = "upload of " + volid(input, filename) + " (" + Format.bytes(size(file)) + ", " + algorithm
                    + " checked by Proxmox) to " + node;
            return Tasks.finish(context.bean(ProxmoxUploads.class).upload("/nodes/{node}/storage/{storage}/upload",
                    Map.of("node", node, "storage", input.storage()), fields, file, filename), input, context, what);
        });
    }

    private static Path localFile(String path) {
        try {
            Path file = Path.of(path);
            if (file.isAbsolute()) {
                return file;
            }
        } catch (java.nio.file.InvalidPathException e) {
            // said below
        }
        throw new ToolInputException("path must be an absolute path on the MCP server's host");
    }

    /** The file name Proxmox found for the URL, else the last segment of its path, else null. */
    private static String nameOf(String found, URI url) {
        if (found != null && !found.isBlank()) {
            return found;
        }
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? null : last;
    }

    private static String volid(Input input, String filename) {
        return input.storage() + ":" + input.content() + "/" + filename;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ToolInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String digest(Path file, String algorithm) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance(ALGORITHMS.get(algorithm));
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
