package io.github.proxmoxmcp.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.proxmoxmcp.core.client.ProxmoxApiException.Kind;
import io.github.proxmoxmcp.core.testing.MockProxmox;
import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code proxmox.upload-timeout}, not {@code proxmox.timeout}, bounds an upload: pveproxy answers only once the whole
 * file is in. One whose answer does not come is reported as possibly applied, and not sent twice.
 */
@MicronautTest
class ProxmoxUploadTimeoutTest implements MockProxmoxTest {

    @Inject
    ProxmoxUploads uploads;

    @Inject
    JsonMapper json;

    @TempDir
    Path dir;

    @Override
    public Map<String, Object> properties() {
        return Map.of("proxmox.upload-timeout", "1500ms", "proxmox.timeout", "200ms");
    }

    @Test
    void anUploadMayOutlastTheRequestTimeout() throws Exception {
        MockProxmox.shared().expect("POST", "/nodes/pve1/storage/local/upload", Map.of(), 200, "OK",
                "{\"data\":\"UPID:pve1:00001:00002:00000003:imgcopy::root@pam:\"}", -1, Duration.ofMillis(1000));
        Path file = Files.writeString(dir.resolve("a.iso"), "x");

        PveResponse answer = upload(file).block(Duration.ofSeconds(10));

        assertEquals("UPID:pve1:00001:00002:00000003:imgcopy::root@pam:", answer.string());
    }

    @Test
    void anUnansweredUploadIsReportedOnceAsPossiblyApplied() throws Exception {
        MockProxmox.shared().expect("POST", "/nodes/pve1/storage/local/upload", Map.of(), 200, "OK", "{\"data\":null}", -1,
                Duration.ofSeconds(3));
        Path file = Files.writeString(dir.resolve("a.iso"), "x");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> upload(file).block(Duration.ofSeconds(10)));

        ProxmoxApiException error = ProxmoxErrors.map(thrown, json);
        assertEquals(Kind.UNCERTAIN, error.kind());
        assertEquals("POST /nodes/pve1/storage/local/upload: no answer within 1.5 s (the upload limit)", error.detail());
        assertEquals(List.of("POST /nodes/pve1/storage/local/upload"), MockProxmox.shared().requests().stream()
                .map(MockProxmox.Recorded::line).toList());
    }

    private reactor.core.publisher.Mono<PveResponse> upload(Path file) {
        return uploads.upload("/nodes/{node}/storage/{storage}/upload", Map.of("node", "pve1", "storage", "local"),
                Map.of("content", "iso"), file, "a.iso");
    }
}
