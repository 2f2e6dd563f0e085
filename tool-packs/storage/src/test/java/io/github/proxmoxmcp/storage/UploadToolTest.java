package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static io.github.proxmoxmcp.core.testing.TaskIds.UPID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.MockProxmox;
import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** proxmox_storage_upload: download by URL after its metadata, or a local file streamed with a checksum. */
@MicronautTest
class UploadToolTest implements MockProxmoxTest {

    static final String ISO = "CD001 fake iso content\n";
    static final String ISO_SHA256 = "d125679763e36db0a3ced8c4ae2b2bc078dd2a526e95fe5b83a815a071bc418d";

    @Inject
    PackCalls pack;

    @TempDir
    Path dir;

    @Test
    void aUrlIsNamedAndSizedThenDownloadedAndAwaited() {
        pack.proxmox().respond("GET", "/nodes/pve1/query-url-metadata", """
                {"filename":"debian-12.5.0-amd64-netinst.iso","size":659554304,"mimetype":"application/x-iso9660-image"}""");
        pack.taskEndsOk("POST", "/nodes/pve1/storage/local/download-url");

        assertOk("download of local:iso/debian-12.5.0-amd64-netinst.iso (629.0 MiB) on pve1: task OK (" + UPID + ")",
                pack.call("proxmox_storage_upload", """
                        {"node":"pve1","storage":"local","content":"iso","url":"https://cdimage.example/debian.iso",
                         "checksum":"abc123","checksum-algorithm":"sha512"}"""));
        List<MockProxmox.Recorded> requests = pack.proxmox().requests();
        assertEquals("GET /nodes/pve1/query-url-metadata", requests.getFirst().line());
        assertRequest(requests.getFirst(), Map.of("url", "https://cdimage.example/debian.iso"), Map.of());
        assertEquals("POST /nodes/pve1/storage/local/download-url", requests.get(1).line());
        assertRequest(requests.get(1), Map.of(), Map.of("url", "https://cdimage.example/debian.iso", "content", "iso",
                "filename", "debian-12.5.0-amd64-netinst.iso", "checksum", "abc123", "checksum-algorithm", "sha512"));
        requests.subList(2, requests.size()).forEach(r -> assertTrue(r.line().startsWith("GET /nodes/pve1/tasks/"), r.line()));
    }

    @Test
    void aFilenameGivenWinsAndAnUnnamedUrlFallsBackToItsPath() {
        pack.proxmox().respond("GET", "/nodes/pve1/query-url-metadata", "{\"size\":1024}");
        pack.proxmox().respond("POST", "/nodes/pve1/storage/local/download-url", "\"" + UPID + "\"");

        assertOk("download of local:vztmpl/alpine.tar.xz (1.0 KiB) on pve1: started, task " + UPID, pack.call("proxmox_storage_upload",
                "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"vztmpl\",\"url\":\"https://x.example/a/alpine.tar.xz\",\"wait\":false}"));
        assertEquals("alpine.tar.xz", pack.request(1).form().get("filename"));

        pack.proxmox().reset();
        pack.proxmox().respond("GET", "/nodes/pve1/query-url-metadata", "{}");
        pack.proxmox().respond("POST", "/nodes/pve1/storage/local/download-url", "\"" + UPID + "\"");
        pack.ok("proxmox_storage_upload", """
                {"node":"pve1","storage":"local","content":"import","url":"https://x.example/export?id=7","filename":"web.ova","wait":false}""");
        assertEquals(Map.of("url", "https://x.example/export?id=7", "content", "import", "filename", "web.ova"), pack.request(1).form());
    }

    @Test
    void aUrlWithoutAnyFileNameDownloadsNothing() {
        pack.proxmox().respond("GET", "/nodes/pve1/query-url-metadata", "{}");

        assertError("Proxmox found no file name at https://x.example/ and the URL names none; nothing was downloaded. Give filename.",
                pack.call("proxmox_storage_upload", "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"iso\",\"url\":\"https://x.example/\"}"));
        pack.only("GET", "/nodes/pve1/query-url-metadata");
    }

    @Test
    void aLocalFileIsStreamedWithTheChecksumComputedHere() throws IOException {
        Path iso = Files.writeString(dir.resolve("rescue.iso"), ISO);
        pack.taskEndsOk("POST", "/nodes/pve1/storage/local/upload");

        assertOk("upload of local:iso/rescue.iso (23 B, sha256 checked by Proxmox) to pve1: task OK (" + UPID + ")",
                pack.call("proxmox_storage_upload", "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"iso\",\"path\":\"" + iso + "\"}"));
        MockProxmox.Recorded upload = pack.startedAndAwaited("POST", "/nodes/pve1/storage/local/upload");
        String body = upload.body();
        assertTrue(upload.headers().get("content-type").startsWith("multipart/form-data; boundary=proxmox-mcp-"));
        assertTrue(body.contains("Content-Disposition: form-data; name=\"content\"\r\n\r\niso\r\n"), body);
        assertTrue(body.contains("Content-Disposition: form-data; name=\"checksum-algorithm\"\r\n\r\nsha256\r\n"), body);
        assertTrue(body.contains("Content-Disposition: form-data; name=\"checksum\"\r\n\r\n" + ISO_SHA256 + "\r\n"), body);
        assertTrue(body.contains("Content-Disposition: form-data; name=\"filename\"; filename=\"rescue.iso\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + ISO + "\r\n--proxmox-mcp-"), body);
    }

    @Test
    void aGivenChecksumAndNameAreSentAsGiven() throws IOException {
        Path image = Files.writeString(dir.resolve("disk.qcow2"), "QFI\u00fb");
        pack.proxmox().respond("POST", "/nodes/pve1/storage/local/upload", "\"" + UPID + "\"");

        pack.ok("proxmox_storage_upload", """
                {"node":"pve1","storage":"local","content":"import","path":"%s","filename":"web-disk.qcow2",
                 "checksum":"59de4adcfc45cec410972c3b3b4c0920","checksum-algorithm":"md5","wait":false}""".formatted(image));
        String body = pack.only("POST", "/nodes/pve1/storage/local/upload").body();
        assertTrue(body.contains("name=\"content\"\r\n\r\nimport\r\n"), body);
        assertTrue(body.contains("name=\"checksum-algorithm\"\r\n\r\nmd5\r\n"), body);
        assertTrue(body.contains("name=\"checksum\"\r\n\r\n59de4adcfc45cec410972c3b3b4c0920\r\n"), body);
        assertTrue(body.contains("filename=\"web-disk.qcow2\""), body);
    }

    @Test
    void aChecksumMismatchIsTheTaskFailure() throws IOException {
        Path iso = Files.writeString(dir.resolve("rescue.iso"), ISO);
        String upid = "UPID:pve1:0000ABCD:0001ABCD:65F0A1B2:imgcopy::root@pam:";
        pack.proxmox().respond("POST", "/nodes/pve1/storage/local/upload", "\"" + upid + "\"");
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + io.github.proxmoxmcp.core.testing.TaskIds.encoded(upid) + "/status",
                "{\"status\":\"stopped\",\"exitstatus\":\"checksum mismatch: got 'x' != expect 'y'\"}");
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + io.github.proxmoxmcp.core.testing.TaskIds.encoded(upid) + "/log",
                "[{\"n\":1,\"t\":\"calculating checksum...\"},{\"n\":2,\"t\":\"TASK ERROR: checksum mismatch: got 'x' != expect 'y'\"}]");

        assertError("upload of local:iso/rescue.iso (23 B, sha256 checked by Proxmox) to pve1: task failed: checksum mismatch: "
                + "got 'x' != expect 'y' (" + upid + ")\nlast log lines:\n  calculating checksum...\n"
                + "  TASK ERROR: checksum mismatch: got 'x' != expect 'y'",
                pack.call("proxmox_storage_upload", "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"iso\",\"path\":\"" + iso + "\"}"));
    }

    @Test
    void aPathThatIsNotAReadableRegularFileSendsNothing() throws IOException {
        pack.invalid("proxmox_storage_upload", "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"iso\",\"path\":\"" + dir + "\"}",
                "is not a readable regular file on the MCP server's host");
        pack.invalid("proxmox_storage_upload",
                "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"iso\",\"path\":\"" + dir.resolve("missing.iso") + "\"}",
                "is not a readable regular file");
        pack.invalid("proxmox_storage_upload", "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"iso\",\"path\":\"rescue.iso\"}",
                "path must be an absolute path on the MCP server's host");
        Path unreadable = Files.writeString(dir.resolve("secret.iso"), ISO);
        if (unreadable.toFile().setReadable(false) && !Files.isReadable(unreadable)) {
            pack.invalid("proxmox_storage_upload",
                    "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"iso\",\"path\":\"" + unreadable + "\"}", "is not a readable");
        }
    }

    @Test
    void argumentsThatDoNotFitSendNothing() {
        pack.invalid("proxmox_storage_upload", "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"iso\"}",
                "give exactly one of url and path");
        pack.invalid("proxmox_storage_upload",
                "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"iso\",\"url\":\"https://a/b.iso\",\"path\":\"/tmp/b.iso\"}",
                "give exactly one of url and path");
        pack.invalid("proxmox_storage_upload",
                "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"iso\",\"url\":\"https://a/b.iso\",\"checksum\":\"ab\"}",
                "checksum needs checksum-algorithm");
        pack.invalid("proxmox_storage_upload",
                "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"iso\",\"url\":\"https://a/b.iso\",\"checksum-algorithm\":\"sha256\"}",
                "checksum-algorithm goes with checksum");
        pack.invalid("proxmox_storage_upload",
                "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"iso\",\"url\":\"https://a/b.iso\",\"checksum\":\"ab\",\"checksum-algorithm\":\"crc32\"}",
                "checksum-algorithm must be one of [md5, sha1, sha224, sha256, sha384, sha512]");
        pack.invalid("proxmox_storage_upload", "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"iso\",\"url\":\"ftp://a/b.iso\"}",
                "url must be an http:// or https:// URL");
        pack.invalid("proxmox_storage_upload",
                "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"iso\",\"url\":\"https://a/b.iso\",\"filename\":\"../b.iso\"}",
                "filename must be a file name, not a path");
        pack.invalid("proxmox_storage_upload", "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"backup\",\"url\":\"https://a/b\"}",
                "content: expected one of [iso, vztmpl, import]");
        pack.invalid("proxmox_storage_upload", "{\"node\":\"pve1\",\"storage\":\"../local\",\"content\":\"iso\",\"url\":\"https://a/b\"}",
                "storage: must be a storage id");
    }

    @Test
    void aDownloadRefusedByProxmoxShowsWhy() {
        pack.proxmox().respond("GET", "/nodes/pve1/query-url-metadata", "{\"filename\":\"notes.txt\"}");
        pack.proxmox().fail("POST", "/nodes/pve1/storage/local/download-url", 400, "Parameter verification failed.",
                Map.of("filename", "wrong file extension"));

        String text = pack.error("proxmox_storage_upload",
                "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"iso\",\"url\":\"https://a/notes.txt\"}").text();

        assertEquals("Proxmox API error 400: Parameter verification failed.\n  filename: wrong file extension", text);
    }
}
