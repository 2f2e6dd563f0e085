package io.github.proxmoxmcp.core.client;

import io.github.proxmoxmcp.core.client.ProxmoxApiException.Kind;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.micronaut.core.io.buffer.ByteBufferFactory;
import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.body.stream.InputStreamByteBody;
import io.micronaut.http.client.LoadBalancerResolver;
import io.micronaut.http.client.RawHttpClient;
import io.micronaut.http.client.RawHttpClientRegistry;
import io.micronaut.http.uri.UriTemplate;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import reactor.core.publisher.Mono;

/**
 * Streams a file from this host to a Proxmox upload endpoint ({@code POST /nodes/{node}/storage/{storage}/upload})
 * the way pveproxy reads it, which is not what a generic multipart encoder writes:
 * <ul>
 * <li>pveproxy refuses an upload without {@code Content-Length}: the body is sent with its length, never chunked;</li>
 * <li>its parser matches {@code Content-Disposition: form-data; name="…"} literally (Netty's encoder writes the header
 * name in lower case, which it does not find), takes the text parts {@code content}, {@code checksum-algorithm} and
 * {@code checksum} in that order, and the file last, as the part named {@code filename};</li>
 * <li>it answers only once the whole file is in, so the request goes over
 * {@link ProxmoxClientFilter#UPLOAD_SERVICE}, whose read timeout is {@code proxmox.upload-timeout}.</li>
 * </ul>
 * The request passes the same filters as every other (authentication, path guard, rate limit) and, being a POST,
 * is never retried. The file is read as it is sent, never held in memory.
 */
@Singleton
public final class ProxmoxUploads {

    /** The text parts pveproxy reads, in the order it reads them; anything else would be dropped without a word. */
    public static final List<String> FIELDS = List.of("content", "checksum-algorithm", "checksum");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RawHttpClientRegistry clients;
    private final LoadBalancerResolver services;
    private final ByteBodyFactory bodies;
    private final Executor io;
    private final JsonMapper json;

    ProxmoxUploads(RawHttpClientRegistry clients, LoadBalancerResolver services, ByteBufferFactory<?, ?> buffers,
                   @Named(TaskExecutors.BLOCKING) Executor io, JsonMapper json) {
        this.clients = clients;
        this.services = services;
        this.bodies = ByteBodyFactory.createDefault(buffers);
        this.io = io;
        this.json = json;
    }

    /**
     * Uploads {@code file} as {@code filename}.
     *
     * @param pathTemplate the API path below {@code /api2/json}, e.g. {@code /nodes/{node}/storage/{storage}/upload}
     * @param pathValues   the values of its variables, percent-encoded as path segments
     * @param fields       text parts, only names of {@link #FIELDS}
     */
    public Mono<PveResponse> upload(String pathTemplate, Map<String, Object> pathValues, Map<String, String> fields, Path file,
                                    String filename) {
        return Mono.defer(() -> {
            Multipart body = Multipart.of(fields, file, filename);
            RawHttpClient client = clients.getRawClient(null, ProxmoxClientFilter.UPLOAD_SERVICE, null);
            String path = ProxmoxClientFilter.BASE_PATH + UriTemplate.of(pathTemplate).expand(pathValues);
            return Mono.from(services.resolve(ProxmoxClientFilter.UPLOAD_SERVICE).orElseThrow().select())
                    .flatMap(service -> Mono.from(client.exchange(
                            HttpRequest.POST(service.getURI().toString().replaceAll("/+$", "") + path, null)
                                    .header("Content-Type", "multipart/form-data; boundary=" + body.boundary())
                                    .header("Content-Length", Long.toString(body.length()))
                                    .setAttribute(ProxmoxClientFilter.UPLOAD, Boolean.TRUE),
                            InputStreamByteBody.create(body.open(), OptionalLong.of(body.length()), io, bodies), null)))
                    .flatMap(this::answer);
        });
    }

    private Mono<PveResponse> answer(HttpResponse<?> response) {
        if (!(response instanceof ByteBodyHttpResponse<?> raw)) {
            return Mono.error(new ProxmoxApiException(Kind.PROTOCOL, response.code(), "unexpected answer to an upload", Map.of()));
        }
        return Mono.fromFuture(raw.byteBody().buffer())
                .map(CloseableAvailableByteBody::toByteArray)
                .doFinally(signal -> raw.close())
                .flatMap(bytes -> {
                    if (response.code() >= 400) {
                        return Mono.error(ProxmoxErrors.fromStatus(response.code(), response.reason(), bytes, json));
                    }
                    try {
                        return Mono.just(json.readValue(bytes, PveResponse.class));
                    } catch (IOException | RuntimeException e) {
                        return Mono.error(new ProxmoxApiException(Kind.PROTOCOL, 0, "Proxmox answered " + response.code()
                                + " to the upload but the body is not JSON: "
                                + response.getContentType().map(Object::toString).orElse("no content type"), Map.of()));
                    }
                });
    }

    /** The body as pveproxy parses it: the text parts in its order, then the file, then the closing delimiter. */
    private record Multipart(String boundary, byte[] head, Path file, long fileSize, byte[] tail) {

        static Multipart of(Map<String, String> fields, Path file, String filename) {
            for (String name : fields.keySet()) {
                if (!FIELDS.contains(name)) {
                    throw new ToolInputException("an upload carries only " + FIELDS + " as form fields, not " + name);
                }
            }
            if (filename.isBlank() || filename.chars().anyMatch(c -> c == '"' || c == '/' || c == '\\' || Character.isISOControl(c))) {
                throw new ToolInputException("filename must be a plain file name, without quotes, slashes or control characters");
            }
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw new ToolInputException("cannot read " + file + ": " + e.getMessage());
            }
            String boundary = "proxmox-mcp-" + HexFormat.of().formatHex(random());
            StringBuilder head = new StringBuilder();
            for (String name : FIELDS) {
                String value = fields.get(name);
                if (value == null) {
                    continue;
                }
                if (value.chars().anyMatch(Character::isISOControl)) {
                    throw new ToolInputException(name + " must not hold control characters");
                }
                head.append("--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                        .append(value).append("\r\n");
            }
            head.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"filename\"; filename=\"").append(filename).append("\"\r\n")
                    .append("Content-Type: application/octet-stream\r\n\r\n");
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
            return new Multipart(boundary, head.toString().getBytes(StandardCharsets.UTF_8), file, size, tail);
        }

        private static byte[] random() {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            return bytes;
        }

        long length() {
            return head.length + fileSize + tail.length;
        }

        InputStream open() {
            try {
                return new SequenceInputStream(Collections.enumeration(List.of(
                        new ByteArrayInputStream(head), Files.newInputStream(file), new ByteArrayInputStream(tail))));
            } catch (IOException e) {
                throw new ToolInputException("cannot read " + file + ": " + e.getMessage());
            }
        }
    }
}
