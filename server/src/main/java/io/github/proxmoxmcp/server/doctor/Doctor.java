package io.github.proxmoxmcp.server.doctor;

import io.github.proxmoxmcp.core.client.ProxmoxClientFilter;
import io.github.proxmoxmcp.core.client.ProxmoxTrust;
import io.github.proxmoxmcp.server.config.Settings;
import io.github.proxmoxmcp.server.registry.RegisteredTool;
import io.github.proxmoxmcp.server.registry.ToolRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code proxmox-mcp doctor}: the set-up checked step by step, in the order a connection needs it, each failure with
 * what to do about it. The steps a later one needs (configuration, DNS and TCP, TLS, authentication) stop the run
 * when they fail. Exit code 0 only when everything the enabled tools need holds.
 */
public final class Doctor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Settings settings;
    private final ToolRegistry registry;
    private final PrintStream out;
    private final Duration timeout;
    private boolean failed;

    public Doctor(Settings settings, ToolRegistry registry, PrintStream out) {
        this.settings = settings;
        this.registry = registry;
        this.out = out;
        this.timeout = settings.timeout().compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : settings.timeout();
    }

    /** A configuration that cannot be read: the first and only step. */
    public static int configurationFailed(String message, PrintStream out) {
        out.println("FAIL  configuration: " + message);
        out.println("      set the PROXMOX_* variables in the environment the server starts in (see proxmox-mcp --help), or try --sandbox");
        return 1;
    }

    public int run() {
        URI url = settings.url().orElseThrow();
        ok("configuration", url + ", " + credentials() + ", TLS " + tlsMode());
        List<InetAddress> addresses = resolve(url.getHost());
        if (addresses.isEmpty() || !connect(addresses, url.getPort())) {
            return 1;
        }
        Optional<SSLContext> tls = Optional.empty();
        if (url.getScheme().equals("https")) {
            tls = tls(url);
            if (tls.isEmpty()) {
                return 1;
            }
        } else {
            ok("tls", "plain HTTP: no TLS to check (only for the sandbox or a local proxy; Proxmox itself speaks HTTPS)");
        }
        Api api = new Api(url, tls);
        Optional<JsonNode> version = authenticate(api);
        if (version.isEmpty()) {
            return 1;
        }
        checkVersion(version.get());
        checkPrivileges(api);
        mode();
        out.println(failed ? "doctor: something above needs fixing" : "doctor: everything the enabled tools need holds");
        return failed ? 1 : 0;
    }

    private String credentials() {
        if (settings.tokenId().isPresent()) {
            return "API token " + settings.tokenId().get();
        }
        return "password of " + settings.user();
    }

    private String tlsMode() {
        return switch (settings.sslMode()) {
            case "verify" -> settings.tlsFingerprint().isPresent() ? "pinned to a SHA-256 fingerprint"
                    : "trusting PROXMOX_CA_FILE " + settings.caFile().orElse("");
            case "insecure" -> "insecure (the certificate is not checked)";
            default -> "strict (the system's trusted CAs)";
        };
    }

    private List<InetAddress> resolve(String host) {
        try {
            List<InetAddress> addresses = Arrays.asList(InetAddress.getAllByName(host));
            ok("dns", host + " -> " + addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", ")));
            return addresses;
        } catch (UnknownHostException e) {
            fail("dns", "cannot resolve " + host,
                    "check the spelling of PROXMOX_HOST, or use the node's IP address; from this machine: getent hosts " + host);
            return List.of();
        }
    }

    private boolean connect(List<InetAddress> addresses, int port) {
        List<String> problems = new ArrayList<>();
        for (InetAddress address : addresses) {
            long start = System.nanoTime();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
                ok("tcp", "connected to " + address.getHostAddress() + ":" + port + " in "
                        + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
                return true;
            } catch (SocketTimeoutException e) {
                problems.add(address.getHostAddress() + ":" + port + " did not answer within " + timeout.toMillis() + " ms");
            } catch (IOException e) {
                problems.add(address.getHostAddress() + ":" + port + ": " + e.getMessage());
            }
        }
        fail("tcp", String.join("; ", problems),
                "check PROXMOX_PORT (Proxmox listens on 8006), that pveproxy runs on the node (systemctl status pveproxy), "
                        + "and that no firewall between here and the node drops the port");
        return false;
    }

    /** The certificate shown whatever the mode, then checked the way the server will check it. */
    private Optional<SSLContext> tls(URI url) {
        X509Certificate[] chain;
        try {
            chain = presentedChain(url);
        } catch (IOException | GeneralSecurityException e) {
            fail("tls", "no TLS handshake with " + url.getHost() + ":" + url.getPort() + ": " + e.getMessage(),
                    "is this the Proxmox API port? Proxmox speaks HTTPS on 8006; for a plain HTTP endpoint use PROXMOX_URL=http://...");
            return Optional.empty();
        }
        X509Certificate leaf = chain[0];
        String fingerprint;
        try {
            fingerprint = ProxmoxTrust.fingerprint(leaf);
        } catch (GeneralSecurityException e) {
            fail("tls", "cannot read the certificate: " + e.getMessage(), "check what answers on " + url.getHost() + ":" + url.getPort());
            return Optional.empty();
        }
        String shown = "subject " + leaf.getSubjectX500Principal().getName() + "; issuer " + leaf.getIssuerX500Principal().getName()
                + "; expires " + leaf.getNotAfter().toInstant() + "; SHA-256 " + fingerprint;
        List<String> remedies = List.of(
                "to trust this certificate only: PROXMOX_TLS_FINGERPRINT=" + fingerprint,
                "or trust the cluster's CA: copy /etc/pve/pve-root-ca.pem from a node and set PROXMOX_CA_FILE=/path/to/pve-root-ca.pem");
        if (leaf.getNotAfter().toInstant().isBefore(java.time.Instant.now())) {
            fail("tls", "the certificate expired on " + leaf.getNotAfter().toInstant() + " (" + shown + ")",
                    "renew it on the node: pvecm updatecerts --force, or the ACME certificate in the node's Certificates panel");
            return Optional.empty();
        }
        try {
            switch (settings.sslMode()) {
                case "insecure" -> {
                    warn("tls", "not checked (PROXMOX_SSL_MODE=insecure): " + shown, remedies);
                    return Optional.of(trustAll());
                }
                case "verify" -> {
                    if (settings.tlsFingerprint().isPresent()) {
                        String pinned = ProxmoxTrust.normaliseFingerprint(settings.tlsFingerprint().get());
                        if (!fingerprint.replace(":", "").equalsIgnoreCase(pinned)) {
                            fail("tls", "the certificate is not the pinned one (PROXMOX_TLS_FINGERPRINT): " + shown,
                                    List.of("if the node's certificate was renewed on purpose, pin the new one: PROXMOX_TLS_FINGERPRINT="
                                            + fingerprint, remedies.get(1)));
                            return Optional.empty();
                        }
                        ok("tls", "the pinned certificate: " + shown);
                        return Optional.of(trustAll());
                    }
                    TrustManagerFactory ca = ProxmoxTrust.caFile(Path.of(settings.caFile().orElseThrow()));
                    SSLContext context = verified(url, ca);
                    ok("tls", "trusted through PROXMOX_CA_FILE: " + shown);
                    return Optional.of(context);
                }
                default -> {
                    TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                    system.init((KeyStore) null);
                    SSLContext context = verified(url, system);
                    ok("tls", "trusted by the system: " + shown);
                    return Optional.of(context);
                }
            }
        } catch (IOException | GeneralSecurityException | IllegalStateException e) {
            fail("tls", "the certificate is not trusted (" + rootCause(e) + "): " + shown, remedies);
            return Optional.empty();
        }
    }

    private X509Certificate[] presentedChain(URI url) throws IOException, GeneralSecurityException {
        X509Certificate[][] seen = new X509Certificate[1][];
        X509TrustManager capture = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen[0] = chain;
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {capture}, null);
        handshake(url, context, false);
        if (seen[0] == null || seen[0].length == 0) {
            throw new SSLException("the server presented no certificate");
        }
        return seen[0];
    }

    private SSLContext verified(URI url, TrustManagerFactory trust) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        handshake(url, context, true);
        return context;
    }

    private void handshake(URI url, SSLContext context, boolean checkHostName) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(url.getHost(), url.getPort()), (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, url.getHost(), url.getPort(), false)) {
                if (checkHostName) {
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    socket.setSSLParameters(parameters);
                }
                socket.startHandshake();
            }
        }
    }

    private static SSLContext trustAll() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), null);
        return context;
    }

    private Optional<JsonNode> authenticate(Api api) {
        try {
            if (settings.tokenId().isPresent()) {
                api.authorization = ProxmoxClientFilter.tokenAuthorization(settings.tokenId().get(), settings.tokenSecret().orElseThrow());
            } else {
                Answer ticket = api.post("/access/ticket", Map.of("username", settings.user(), "password", settings.password().orElseThrow()));
                if (ticket.status() != 200) {
                    fail("auth", "Proxmox refused the password of " + settings.user() + " (" + ticket.line() + ")", List.of(
                            "check PROXMOX_USER (user@realm: root@pam for the Linux root, user@pve for Proxmox VE users) and PROXMOX_PASSWORD",
                            "a user with two-factor authentication cannot log in with a password alone: use an API token"));
                    return Optional.empty();
                }
                api.cookie = "PVEAuthCookie=" + ticket.data().path("ticket").asString();
            }
            Answer version = api.get("/version");
            if (version.status() == 401) {
                fail("auth", "Proxmox refused the API token " + settings.tokenId().orElse(settings.user()) + " (" + version.line() + ")", List.of(
                        "check PROXMOX_TOKEN_NAME (the token id user@realm!name, as Datacenter > Permissions > API Tokens shows it) "
                                + "and PROXMOX_TOKEN_VALUE (the secret shown once when the token was made)",
                        "the token may have expired or been removed: pveum user token list " + settings.user()));
                return Optional.empty();
            }
            if (version.status() != 200) {
                fail("auth", "GET /version answered " + version.line(), "check that PROXMOX_HOST is a Proxmox VE node and not a proxy or login page");
                return Optional.empty();
            }
            ok("auth", "logged in as " + credentials());
            return Optional.of(version.data());
        } catch (IOException e) {
            fail("auth", "the request failed: " + rootCause(e), "run doctor again; if it persists, check pveproxy's log on the node");
            return Optional.empty();
        }
    }

    private void checkVersion(JsonNode data) {
        String version = data.path("version").asString("");
        int major;
        try {
            major = Integer.parseInt(version.split("[.-]")[0]);
        } catch (NumberFormatException e) {
            major = 0;
        }
        if (major < 8) {
            fail("version", "Proxmox VE " + (version.isEmpty() ? "(unknown)" : version) + ": proxmox-mcp supports Proxmox VE 8 and 9",
                    "upgrade the cluster (pve7to8) or use a client made for it");
        } else {
            ok("version", "Proxmox VE " + version + (major >= 9 ? " (HA rules, VM.GuestAgent.* privileges)" : " (HA groups, VM.Monitor)"));
        }
    }

    private void checkPrivileges(Api api) {
        Map<String, Map<String, Boolean>> permissions = new LinkedHashMap<>();
        try {
            Answer answer = api.get("/access/permissions");
            if (answer.status() != 200) {
                fail("privileges", "GET /access/permissions answered " + answer.line(), "check the user's and token's ACLs in Datacenter > Permissions");
                return;
            }
            for (var path : answer.data().properties()) {
                Map<String, Boolean> privileges = new LinkedHashMap<>();
                for (var privilege : path.getValue().properties()) {
                    privileges.put(privilege.getKey(), privilege.getValue().asInt(0) == 1 || privilege.getValue().asBoolean(false));
                }
                permissions.put(path.getKey(), privileges);
            }
        } catch (IOException e) {
            fail("privileges", "the request failed: " + rootCause(e), "run doctor again");
            return;
        }
        Map<Requirement, List<String>> missing = new LinkedHashMap<>();
        List<RegisteredTool> tools = registry.listed(settings.allowElevated());
        for (RegisteredTool tool : tools) {
            Requirement needed = Requirement.of(tool.pack(), tool.name(), tool.definition().elevated());
            if (!needed.heldBy(permissions)) {
                missing.computeIfAbsent(needed, k -> new ArrayList<>()).add(tool.name());
            }
        }
        if (missing.isEmpty()) {
            ok("privileges", "the credentials hold what the " + tools.size() + " enabled tools need");
            return;
        }
        List<String> lines = new ArrayList<>();
        missing.forEach((needed, names) -> lines.add("missing " + needed + " for " + String.join(", ", names)));
        String who = settings.tokenId().map(id -> "--tokens '" + id + "'").orElse("--users '" + settings.user() + "'");
        lines.add("grant a role that holds them, e.g. pveum acl modify / " + who + " --roles PVEAuditor (reads) or PVEVMAdmin on /vms (guests)");
        if (settings.tokenId().isPresent()) {
            lines.add("a token with privilege separation (the default) has only the ACLs given to the token itself, never more than its user");
        }
        int count = missing.values().stream().mapToInt(List::size).sum();
        fail("privileges", count + " of the " + tools.size() + " enabled tools would be refused (403)", lines);
    }

    private void mode() {
        int all = registry.all().size();
        int listed = registry.listed(settings.allowElevated()).size();
        String packs = registry.packs().stream().map(p -> p.name()).collect(Collectors.joining(", "));
        ok("mode", (settings.allowElevated() ? "elevated (PROXMOX_ALLOW_ELEVATED=true): tools that change the cluster are on"
                : "read-only (PROXMOX_ALLOW_ELEVATED is not true): tools that change the cluster are off")
                + "; " + listed + " of " + all + " tools listed; packs: " + packs);
    }

    private void ok(String step, String detail) {
        out.println("ok    " + step + ": " + detail);
    }

    private void warn(String step, String detail, List<String> remedies) {
        out.println("warn  " + step + ": " + detail);
        remedies.forEach(r -> out.println("      " + r));
    }

    private void fail(String step, String detail, String remedy) {
        fail(step, detail, List.of(remedy));
    }

    private void fail(String step, String detail, List<String> remedies) {
        failed = true;
        out.println("FAIL  " + step + ": " + detail);
        remedies.forEach(r -> out.println("      " + r));
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** An answer of the API: status, reason and the {@code data} member. */
    private record Answer(int status, String reason, JsonNode data) {
        String line() {
            return status + " " + reason;
        }
    }

    /** Requests to the API with the TLS decision already made; one attempt each, so that a failure shows at once. */
    private final class Api {
        private final URI base;
        private final Optional<SSLContext> tls;
        String authorization;
        String cookie;

        Api(URI base, Optional<SSLContext> tls) {
            this.base = base;
            this.tls = tls;
        }

        Answer get(String path) throws IOException {
            return send(open(path, "GET"));
        }

        Answer post(String path, Map<String, String> form) throws IOException {
            HttpURLConnection connection = open(path, "POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            String body = form.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            try (OutputStream stream = connection.getOutputStream()) {
                stream.write(body.getBytes(StandardCharsets.UTF_8));
            }
            return send(connection);
        }

        private HttpURLConnection open(String path, String method) throws IOException {
            HttpURLConnection connection = (HttpURLConnection) base.resolve(ProxmoxClientFilter.BASE_PATH + path).toURL().openConnection();
            if (connection instanceof HttpsURLConnection https && tls.isPresent()) {
                https.setSSLSocketFactory(tls.get().getSocketFactory());
                if (!settings.sslMode().equals("strict") && settings.caFile().isEmpty()) {
                    https.setHostnameVerifier((host, session) -> true); // pinned or insecure: the host name is not the check
                }
            }
            connection.setRequestMethod(method);
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) Math.max(timeout.toMillis(), 5000));
            connection.setInstanceFollowRedirects(false);
            if (authorization != null) {
                connection.setRequestProperty("Authorization", authorization);
            }
            if (cookie != null) {
                connection.setRequestProperty("Cookie", cookie);
            }
            return connection;
        }

        private Answer send(HttpURLConnection connection) throws IOException {
            int status = connection.getResponseCode();
            String reason = Optional.ofNullable(connection.getResponseMessage()).orElse("");
            JsonNode data = JSON.missingNode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    byte[] bytes = body.readAllBytes();
                    if (status == 200) {
                        data = JSON.readTree(bytes).path("data");
                    }
                }
            } catch (tools.jackson.core.JacksonException e) {
                return new Answer(status, "but the body is not JSON (" + connection.getContentType() + ")", data);
            } finally {
                connection.disconnect();
            }
            return new Answer(status, reason, data);
        }
    }
}
