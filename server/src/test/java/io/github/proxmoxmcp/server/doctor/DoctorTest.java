package io.github.proxmoxmcp.server.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.MockProxmox;
import io.github.proxmoxmcp.sandbox.Sandbox;
import io.github.proxmoxmcp.sandbox.SandboxOptions;
import io.github.proxmoxmcp.server.config.Settings;
import io.github.proxmoxmcp.server.registry.ToolRegistry;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each step of {@code doctor} against MockServer (or a closed port, a name that does not resolve, the sandbox). */
class DoctorTest {

    private static final MockProxmox PROXMOX = MockProxmox.shared();
    private static final String TOKEN = "PVEAPIToken=root@pam!mcp=11111111-2222-3333-4444-555555555555";
    /** What every read needs (storage scans need Datastore.Allocate, reading files in a guest VM.GuestAgent.FileRead). */
    private static final String READER = """
            {"/":{"Sys.Audit":1},"/access":{"Sys.Audit":1},"/nodes":{"Sys.Audit":1},
             "/storage":{"Datastore.Audit":1,"Datastore.Allocate":1},"/vms":{"VM.Audit":1,"VM.GuestAgent.Audit":1,"VM.GuestAgent.FileRead":1}}""";

    private String output;

    @BeforeEach
    void reset() {
        PROXMOX.reset();
    }

    private static Map<String, String> token(String url) {
        Map<String, String> env = new HashMap<>();
        env.put("PROXMOX_URL", url);
        env.put("PROXMOX_TOKEN_NAME", "mcp");
        env.put("PROXMOX_TOKEN_VALUE", "11111111-2222-3333-4444-555555555555");
        env.put("PROXMOX_TIMEOUT", "10000"); // MockServer makes its certificate on the first TLS connection
        return env;
    }

    private int doctor(Map<String, String> env) {
        return doctor(Settings.fromEnvironment(env).requireConnection());
    }

    private int doctor(Settings settings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = new Doctor(settings, ToolRegistry.load(settings.packs()), new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        output = bytes.toString(StandardCharsets.UTF_8);
        return code;
    }

    private List<String> lines() {
        return output.lines().toList();
    }

    @Test
    void aConfigurationThatCannotBeReadIsTheOnlyStep() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Doctor.configurationFailed("PROXMOX_HOST is required", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertEquals("FAIL  configuration: PROXMOX_HOST is required\n      set the PROXMOX_* variables in the environment the server "
                + "starts in (see proxmox-mcp --help), or try --sandbox\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aHostThatDoesNotResolveStopsAtDns() {
        assertEquals(1, doctor(token("https://no-such-node.invalid:8006")));
        assertEquals(List.of(
                "ok    configuration: https://no-such-node.invalid:8006, API token root@pam!mcp, TLS strict (the system's trusted CAs)",
                "FAIL  dns: cannot resolve no-such-node.invalid",
                "      check the spelling of PROXMOX_HOST, or use the node's IP address; from this machine: getent hosts no-such-node.invalid"),
                lines());
    }

    @Test
    void aClosedPortStopsAtTcp() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertEquals(1, doctor(token("https://127.0.0.1:" + port)));
        assertEquals("ok    dns: 127.0.0.1 -> 127.0.0.1", lines().get(1));
        assertEquals("FAIL  tcp: 127.0.0.1:" + port + ": Connection refused", lines().get(2));
        assertTrue(lines().get(3).startsWith("      check PROXMOX_PORT (Proxmox listens on 8006), that pveproxy runs"), output);
        assertEquals(4, lines().size(), output);
    }

    /** The SHA-256 fingerprint doctor shows for MockServer's certificate, from a strict run that does not trust it. */
    private String untrustedFingerprint() {
        assertEquals(1, doctor(token(PROXMOX.httpsUrl())));
        Matcher pin = Pattern.compile("PROXMOX_TLS_FINGERPRINT=([0-9A-F:]{95})").matcher(output);
        assertTrue(pin.find(), output);
        return pin.group(1);
    }

    @Test
    void anUntrustedCertificateIsShownWithTheLinesThatWouldTrustIt() {
        String fingerprint = untrustedFingerprint();
        List<String> lines = lines();
        assertEquals("ok    tcp: connected to 127.0.0.1:" + PROXMOX.port(), lines.get(2).replaceAll(" in \\d+ ms$", ""));
        assertTrue(lines.get(3).startsWith("FAIL  tls: the certificate is not trusted (unable to find valid certification path to requested target): subject "), lines.get(3));
        assertTrue(lines.get(3).contains("; issuer C=UK,ST=England,L=London,O=MockServer,CN=www.mockserver.com;") && lines.get(3).contains("; expires ")
                && lines.get(3).endsWith("; SHA-256 " + fingerprint), lines.get(3));
        assertEquals("      to trust this certificate only: PROXMOX_TLS_FINGERPRINT=" + fingerprint, lines.get(4));
        assertEquals("      or trust the cluster's CA: copy /etc/pve/pve-root-ca.pem from a node and set "
                + "PROXMOX_CA_FILE=/path/to/pve-root-ca.pem", lines.get(5));
        assertEquals(6, lines.size(), output);
        assertEquals(List.of(), PROXMOX.requests(), "nothing is sent to an untrusted server");
    }

    @Test
    void aPinnedFingerprintThatDoesNotMatchShowsTheRealOne() {
        String fingerprint = untrustedFingerprint();
        Map<String, String> env = token(PROXMOX.httpsUrl());
        env.put("PROXMOX_TLS_FINGERPRINT", "AB:".repeat(31) + "AB");
        assertEquals(1, doctor(env));
        assertTrue(lines().get(3).startsWith("FAIL  tls: the certificate is not the pinned one (PROXMOX_TLS_FINGERPRINT): subject "),
                output);
        assertEquals("      if the node's certificate was renewed on purpose, pin the new one: PROXMOX_TLS_FINGERPRINT=" + fingerprint,
                lines().get(4));
    }

    @Test
    void aRefusedTokenStopsAtAuthentication() {
        String fingerprint = untrustedFingerprint();
        PROXMOX.fail("GET", "/version", 401, "authentication failure", Map.of());
        Map<String, String> env = token(PROXMOX.httpsUrl());
        env.put("PROXMOX_TLS_FINGERPRINT", fingerprint);
        assertEquals(1, doctor(env));
        assertTrue(lines().get(3).startsWith("ok    tls: the pinned certificate: subject "), output);
        assertEquals("FAIL  auth: Proxmox refused the API token root@pam!mcp (401 authentication failure)", lines().get(4));
        assertTrue(lines().get(5).startsWith("      check PROXMOX_TOKEN_NAME (the token id user@realm!name"), output);
        assertEquals("      the token may have expired or been removed: pveum user token list root@pam", lines().get(6));
        assertEquals(7, lines().size(), output);
        MockProxmox.Recorded request = PROXMOX.requests().getFirst();
        assertEquals("GET /version", request.line());
        assertEquals(TOKEN, request.headers().get("authorization"));
        assertTrue(!output.contains("11111111-2222"), "the secret is never shown");
    }

    @Test
    void aRefusedPasswordSaysWhatToCheck(@TempDir Path dir) throws Exception {
        PROXMOX.fail("POST", "/access/ticket", 401, "authentication failure", Map.of());
        Map<String, String> env = new HashMap<>();
        env.put("PROXMOX_URL", PROXMOX.httpsUrl());
        env.put("PROXMOX_USER", "admin@pve");
        env.put("PROXMOX_PASSWORD", "s3cret pass");
        env.put("PROXMOX_CA_FILE", mockServerCa(dir).toString());
        assertEquals(1, doctor(env));
        assertTrue(lines().get(3).startsWith("ok    tls: trusted through PROXMOX_CA_FILE: subject "), output);
        assertEquals(List.of("FAIL  auth: Proxmox refused the password of admin@pve (401 authentication failure)",
                "      check PROXMOX_USER (user@realm: root@pam for the Linux root, user@pve for Proxmox VE users) and PROXMOX_PASSWORD",
                "      a user with two-factor authentication cannot log in with a password alone: use an API token"),
                lines().subList(4, lines().size()));
        MockProxmox.Recorded request = PROXMOX.requests().getFirst();
        assertEquals("POST /access/ticket", request.line());
        assertEquals(Map.of("username", "admin@pve", "password", "s3cret pass"), request.form());
        assertTrue(!output.contains("s3cret"), "the password is never shown");
    }

    private static Path mockServerCa(Path dir) throws Exception {
        Path ca = dir.resolve("pve-root-ca.pem");
        try (JarFile jar = new JarFile(System.getProperty("mockserver.jar"));
             InputStream in = jar.getInputStream(jar.getEntry("org/mockserver/socket/CertificateAuthorityCertificate.pem"))) {
            Files.write(ca, in.readAllBytes());
        }
        return ca;
    }

    @Test
    void anOldProxmoxAndMissingPrivilegesNameTheToolsThatWouldFail() {
        PROXMOX.respond("GET", "/version", "{\"version\":\"7.4-3\",\"release\":\"7.4\"}");
        PROXMOX.respond("GET", "/access/permissions", "{\"/\":{\"Sys.Audit\":1},\"/vms\":{\"VM.Audit\":1}}");
        Map<String, String> env = token(PROXMOX.url());
        env.put("PROXMOX_TOOL_PACKS", "guest,storage");
        assertEquals(1, doctor(env));
        List<String> lines = lines();
        assertEquals("ok    tls: plain HTTP: no TLS to check (only for the sandbox or a local proxy; Proxmox itself speaks HTTPS)", lines.get(3));
        assertEquals("ok    auth: logged in as API token root@pam!mcp", lines.get(4));
        assertEquals("FAIL  version: Proxmox VE 7.4-3: proxmox-mcp supports Proxmox VE 8 and 9", lines.get(5));
        assertEquals("      upgrade the cluster (pve7to8) or use a client made for it", lines.get(6));
        assertTrue(lines.get(7).matches("FAIL  privileges: \\d+ of the \\d+ enabled tools would be refused \\(403\\)"), lines.get(7));
        assertEquals(List.of(
                "      missing VM.GuestAgent.Audit or VM.GuestAgent.Unrestricted or VM.Monitor on /vms for proxmox_guest_agent_get",
                "      missing VM.GuestAgent.FileRead or VM.GuestAgent.Unrestricted or VM.Monitor on /vms for proxmox_guest_agent_file_read",
                "      missing Datastore.Audit or Datastore.AllocateSpace on /storage for proxmox_storage_list, proxmox_storage_get, "
                        + "proxmox_storage_content_list, proxmox_storage_content_get, proxmox_storage_url_info",
                "      missing Datastore.Allocate on /storage for proxmox_storage_scan"), lines.subList(8, 12));
        // Sys.Audit on / propagates to /nodes: the disk reads of the storage pack are allowed
        assertTrue(output.contains("      grant a role that holds them, e.g. pveum acl modify / --tokens 'root@pam!mcp' --roles PVEAuditor"), output);
        assertTrue(output.contains("      a token with privilege separation (the default) has only the ACLs given to the token itself"), output);
        assertTrue(output.contains("\nok    mode: read-only (PROXMOX_ALLOW_ELEVATED is not true): tools that change the cluster are off; "), output);
        assertTrue(output.endsWith("doctor: something above needs fixing\n"), output);
        assertEquals(List.of("GET /version", "GET /access/permissions"), PROXMOX.requests().stream().map(MockProxmox.Recorded::line).toList());
    }

    @Test
    void aReaderTokenHoldsWhatTheReadToolsNeedButNotTheElevatedOnes() {
        PROXMOX.respond("GET", "/version", "{\"version\":\"9.1.2\",\"release\":\"9.1\"}");
        PROXMOX.respond("GET", "/access/permissions", READER);
        Map<String, String> env = token(PROXMOX.url());
        env.put("PROXMOX_TOOL_PACKS", "guest,node,storage");
        assertEquals(0, doctor(env), output);
        assertTrue(output.contains("\nok    version: Proxmox VE 9.1.2 (HA rules, VM.GuestAgent.* privileges)\n"), output);
        assertTrue(output.matches("(?s).*\nok    privileges: the credentials hold what the \\d+ enabled tools need\n.*"), output);
        assertTrue(output.endsWith("doctor: everything the enabled tools need holds\n"), output);

        env.put("PROXMOX_ALLOW_ELEVATED", "true");
        assertEquals(1, doctor(env));
        assertTrue(output.contains("\n      missing VM.PowerMgmt on /vms for proxmox_guest_power, proxmox_node_guests_control\n"), output);
        assertTrue(output.contains("\nok    mode: elevated (PROXMOX_ALLOW_ELEVATED=true): tools that change the cluster are on; "), output);
    }

    @Test
    void theSandboxPassesEveryStep() {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
            Settings settings = Settings.fromEnvironment(Map.of("PROXMOX_ALLOW_ELEVATED", "true"))
                    .withConnection(java.net.URI.create(sandbox.url()), sandbox.tokenId(), sandbox.tokenSecret(), true);
            assertEquals(0, doctor(settings), output);
            assertTrue(output.contains("\nok    version: Proxmox VE 9."), output);
        }
    }
}
