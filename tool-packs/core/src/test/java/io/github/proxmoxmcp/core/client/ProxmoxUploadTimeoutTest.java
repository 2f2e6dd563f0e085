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

/** {@code proxmox.upload-timeout} bounds an upload whose answer does not come; the upload is not sent twice. */
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
        return Map.of("proxmox.upload-timeout", "300ms");
    }

    @Test
    void anUnansweredUploadTimesOutOnce() throws Exception {
        MockProxmox.shared().expect("POST", "/nodes/pve1/storage/local/upload", Map.of(), 200, "OK", "{\"data\":null}", -1,
                Duration.ofSeconds(2));
        Path file = Files.writeString(dir.resolve("a.iso"), "x");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> uploads.upload("/nodes/{node}/storage/{storage}/upload",
                Map.of("node", "pve1", "storage", "local"), Map.of("content", "iso"), file, "a.iso").block(Duration.ofSeconds(10)));

        assertEquals(Kind.TIMEOUT, ProxmoxErrors.map(thrown, json).kind());
        assertEquals(List.of("POST /nodes/pve1/storage/local/upload"), MockProxmox.shared().requests().stream()
                .map(MockProxmox.Recorded::line).toList());
    }
}
