package io.github.proxmoxmcp.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.client.ProxmoxApiException.Kind;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.testing.MockProxmox;
import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file upload reaches Proxmox as pveproxy parses it, through the usual filters, on a timeout of its own. */
@MicronautTest
class ProxmoxUploadsTest implements MockProxmoxTest {

    private static final String PATH = "/nodes/{node}/storage/{storage}/upload";
    private static final Map<String, Object> VALUES = Map.of("node", "pve1", "storage", "local");
    private static final String UPID = "UPID:pve1:0000ABCD:0001ABCD:65F0A1B2:imgcopy::root@pam:";

    @Inject
    ProxmoxUploads uploads;

    @TempDir
    Path dir;

    /** The ordinary service gives up after 300 ms; the upload service does not. */
    @Override
    public Map<String, Object> properties() {
        return Map.of("micronaut.http.services.proxmox.read-timeout", "300ms");
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void theBodyIsTheMultipartPveproxyParsesWithItsLength() throws IOException {
        MockProxmox.shared().respond("POST", "/nodes/pve1/storage/local/upload", "\"" + UPID + "\"");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("checksum", "abc123");
        fields.put("content", "iso");
        fields.put("checksum-algorithm", "sha256");

        PveResponse answer = uploads.upload(PATH, VALUES, fields, file("local.iso", "ISO DATA\r\n--not-a-boundary\n"),
                "debian.iso").block();

        assertEquals(UPID, answer.string());
        MockProxmox.Recorded request = MockProxmox.shared().requests().getFirst();
        assertEquals("POST /nodes/pve1/storage/local/upload", request.line());
        Matcher type = Pattern.compile("multipart/form-data; boundary=(proxmox-mcp-[0-9a-f]{32})")
                .matcher(request.headers().get("content-type"));
        assertTrue(type.matches(), request.headers().toString());
        String b = type.group(1);
        String expected = "--" + b + "\r\n"
                + "Content-Disposition: form-data; name=\"content\"\r\n\r\niso\r\n"
                + "--" + b + "\r\n"
                + "Content-Disposition: form-data; name=\"checksum-algorithm\"\r\n\r\nsha256\r\n"
                + "--" + b + "\r\n"
                + "Content-Disposition: form-data; name=\"checksum\"\r\n\r\nabc123\r\n"
                + "--" + b + "\r\n"
                + "Content-Disposition: form-data; name=\"filename\"; filename=\"debian.iso\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + "ISO DATA\r\n--not-a-boundary\n"
                + "\r\n--" + b + "--\r\n";
        assertEquals(expected, request.body());
        assertEquals(Integer.toString(expected.getBytes(StandardCharsets.UTF_8).length), request.headers().get("content-length"));
        assertEquals(null, request.headers().get("transfer-encoding"));
        assertEquals("PVEAPIToken=" + TOKEN_ID + "=" + TOKEN_SECRET, request.headers().get("authorization"));
    }

    @Test
    void aLargeFileIsSentWhole() throws IOException {
        MockProxmox.shared().respond("POST", "/nodes/pve1/storage/local/upload", "\"" + UPID + "\"");
        String content = "0123456789abcdef".repeat(128 * 1024);

        uploads.upload(PATH, VALUES, Map.of("content", "iso"), file("big.iso", content), "big.iso").block();

        String body = MockProxmox.shared().requests().getFirst().body();
        assertTrue(body.contains("\r\n\r\n" + content + "\r\n--proxmox-mcp-"), "file content not sent whole");
    }

    @Test
    void theTransferOutlastsTheOrdinaryReadTimeout() throws IOException {
        MockProxmox.shared().expect("POST", "/nodes/pve1/storage/local/upload", Map.of(), 200, "OK", "{\"data\":\"" + UPID + "\"}", 1, Duration.ofMillis(1200));

        PveResponse answer = uploads.upload(PATH, VALUES, Map.of("content", "iso"), file("slow.iso", "x"), "slow.iso")
                .block(Duration.ofSeconds(10));

        assertEquals(UPID, answer.string());
    }

    @Test
    void aRefusalCarriesStatusMessageAndFieldErrors() throws IOException {
        MockProxmox.shared().fail("POST", "/nodes/pve1/storage/local/upload", 400, "Parameter verification failed.",
                Map.of("filename", "wrong file extension"));

        ProxmoxApiException failure = assertThrows(ProxmoxApiException.class, () -> uploads.upload(PATH, VALUES,
                Map.of("content", "iso"), file("a.txt", "x"), "a.txt").block());

        assertEquals(Kind.BAD_REQUEST, failure.kind());
        assertEquals("Proxmox API error 400: Parameter verification failed.\n  filename: wrong file extension", failure.userMessage());
    }

    @Test
    void anAnswerThatIsNotJsonIsSaidSo() throws IOException {
        MockProxmox.shared().expect("POST", "/nodes/pve1/storage/local/upload", Map.of(), 200, "OK", "<html>proxy</html>", -1);

        ProxmoxApiException failure = assertThrows(ProxmoxApiException.class, () -> uploads.upload(PATH, VALUES,
                Map.of("content", "iso"), file("a.iso", "x"), "a.iso").block());

        assertEquals(Kind.PROTOCOL, failure.kind());
        assertTrue(failure.detail().startsWith("Proxmox answered 200 to the upload but the body is not JSON"), failure.detail());
    }

    @Test
    void fieldsPveproxyWouldDropAndUnsafeNamesSendNothing() throws IOException {
        Path file = file("a.iso", "x");

        assertEquals("an upload carries only [content, checksum-algorithm, checksum] as form fields, not tmpfilename",
                assertThrows(ToolInputException.class, () -> uploads.upload(PATH, VALUES,
                        Map.of("tmpfilename", "/var/tmp/pveupload-1"), file, "a.iso").block()).getMessage());
        for (String name : List.of("a\".iso", "../a.iso", "a\r\n.iso", " ")) {
            assertThrows(ToolInputException.class, () -> uploads.upload(PATH, VALUES, Map.of("content", "iso"), file, name).block(),
                    name);
        }
        assertThrows(ToolInputException.class, () -> uploads.upload(PATH, VALUES, Map.of("content", "iso"),
                dir.resolve("missing.iso"), "a.iso").block());
        assertThrows(ToolInputException.class, () -> uploads.upload(PATH, Map.of("node", "..", "storage", "local"),
                Map.of("content", "iso"), file, "a.iso").block());
        assertEquals(List.of(), MockProxmox.shared().requests());
    }
}
