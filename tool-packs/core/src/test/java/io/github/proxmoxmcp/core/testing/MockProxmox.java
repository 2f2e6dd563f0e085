package io.github.proxmoxmcp.core.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A MockServer JVM standing in for the Proxmox API, one per test JVM, driven through its REST API.
 * MockServer runs outside the test JVM because in-process it clashes with the MCP SDK's schema validator.
 */
public final class MockProxmox {

    public static final String BASE_PATH = "/api2/json";
    private static MockProxmox shared;

    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Process process;
    private final int port;

    private MockProxmox(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** The MockServer of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized MockProxmox shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static MockProxmox start() {
        String jar = System.getProperty("mockserver.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("system property mockserver.jar must point at mockserver-netty-no-dependencies (set by the build)");
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Dmockserver.logLevel=WARN",
                    "-Dmockserver.disableSystemOut=true", "-jar", jar, "-serverPort", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "mockserver-" + port + ".log"))
                    .start();
            MockProxmox mock = new MockProxmox(port, process);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            mock.awaitReady();
            return mock;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start MockServer", e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (control("status", "").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("MockServer did not start on port " + port);
    }

    public int port() {
        return port;
    }

    /** The service URL a Proxmox client should use: {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The same port over TLS: MockServer answers HTTPS with a certificate from its own CA. */
    public String httpsUrl() {
        return "https://127.0.0.1:" + port;
    }

    public void reset() {
        control("reset", "");
    }

    /** Answers {@code {"data": <dataJson>}} with 200 to the request, any number of times. */
    public void respond(String method, String apiPath, String dataJson) {
        expect(method, apiPath, Map.of(), 200, "OK", "{\"data\":" + dataJson + "}", -1);
    }

    /** Like {@link #respond} but only when the query string holds these parameters. */
    public void respond(String method, String apiPath, Map<String, String> query, String dataJson) {
        expect(method, apiPath, query, 200, "OK", "{\"data\":" + dataJson + "}", -1);
    }

    /** Answers a Proxmox-style failure: the message in the reason phrase, field errors in the body. */
    public void fail(String method, String apiPath, int status, String reason, Map<String, String> errors) {
        String body;
        try {
            body = "{\"data\":null" + (errors.isEmpty() ? "" : ",\"errors\":" + mapper.writeValueAsString(errors)) + "}";
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
        expect(method, apiPath, Map.of(), status, reason, body, -1);
    }

    /** The full form: answer {@code times} times (-1 = unlimited) with this status, reason and body. */
    public void expect(String method, String apiPath, Map<String, String> query, int status, String reason, String body,
                       int times) {
        expect(method, apiPath, query, status, reason, body, times, Duration.ZERO);
    }

    /** Like {@link #expect(String, String, Map, int, String, String, int)}, answering only after {@code delay}. */
    public void expect(String method, String apiPath, Map<String, String> query, int status, String reason, String body,
                       int times, Duration delay) {
        ObjectNode expectation = mapper.createObjectNode();
        ObjectNode request = expectation.putObject("httpRequest");
        request.put("method", method);
        request.put("path", BASE_PATH + apiPath);
        if (!query.isEmpty()) {
            ObjectNode params = request.putObject("queryStringParameters");
            query.forEach((k, v) -> params.putArray(k).add(v));
        }
        ObjectNode response = expectation.putObject("httpResponse");
        response.put("statusCode", status);
        response.put("reasonPhrase", reason);
        response.putObject("headers").putArray("Content-Type").add("application/json;charset=UTF-8");
        response.put("body", body);
        if (!delay.isZero()) {
            response.putObject("delay").put("timeUnit", "MILLISECONDS").put("value", delay.toMillis());
        }
        if (times > 0) {
            expectation.putObject("times").put("remainingTimes", times).put("unlimited", false);
        } else {
            expectation.putObject("times").put("unlimited", true);
        }
        HttpResponse<String> answer = control("expectation", mapper.writeValueAsString(expectation));
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("MockServer refused expectation: " + answer.body());
        }
    }

    /** Every request received since the last reset, oldest first, without MockServer's own control calls. */
    public List<Recorded> requests() {
        HttpResponse<String> answer = control("retrieve?type=REQUESTS&format=JSON", "");
        List<Recorded> recorded = new ArrayList<>();
        JsonNode all = mapper.readTree(answer.body());
        for (JsonNode request : all) {
            recorded.add(Recorded.of(request));
        }
        return recorded;
    }

    private HttpResponse<String> control(String what, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mockserver/" + what))
                            .PUT(HttpRequest.BodyPublishers.ofString(body))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("MockServer control call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One request Proxmox would have received.
     *
     * @param path  the path below {@code /api2/json}, as received (still percent-encoded)
     * @param query decoded query parameters, in order
     * @param form  decoded form body parameters, in order (empty when not a form)
     */
    public record Recorded(String method, String path, Map<String, String> query, Map<String, String> form, String body,
                           Map<String, String> headers) {

        static Recorded of(JsonNode request) {
            String path = request.path("path").asString();
            Map<String, String> query = new LinkedHashMap<>();
            JsonNode params = request.path("queryStringParameters");
            params.properties().forEach(e -> query.put(e.getKey(), e.getValue().get(0).asString()));
            Map<String, String> headers = new LinkedHashMap<>();
            request.path("headers").properties().forEach(e -> headers.put(e.getKey().toLowerCase(java.util.Locale.ROOT),
                    e.getValue().get(0).asString()));
            JsonNode bodyNode = request.path("body");
            String body = bodyNode.isMissingNode() ? "" : bodyNode.isString() ? bodyNode.asString()
                    : bodyNode.path("rawBytes").isMissingNode() ? bodyNode.path("string").asString("")
                    : new String(java.util.Base64.getDecoder().decode(bodyNode.path("rawBytes").asString()), StandardCharsets.UTF_8);
            Map<String, String> form = new LinkedHashMap<>();
            if (headers.getOrDefault("content-type", "").startsWith("application/x-www-form-urlencoded") && !body.isEmpty()) {
                for (String pair : body.split("&")) {
                    int eq = pair.indexOf('=');
                    String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    form.put(key, value);
                }
            }
            String apiPath = path.startsWith(BASE_PATH) ? path.substring(BASE_PATH.length()) : path;
            return new Recorded(request.path("method").asString(), apiPath, query, form, body, headers);
        }

        /** {@code METHOD /path} for compact sequence assertions. */
        public String line() {
            return method + " " + path;
        }
    }

}
