package io.github.proxmoxmcp.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/** The wire side: {@code /api2/json}, authentication, parameters, {@code {"data": ...}} and Proxmox-style errors. */
final class Http implements HttpHandler {

    static final String PREFIX = "/api2/json";

    private final Cluster cluster;
    private final Auth auth;
    private final Router router;
    private final CompletableFuture<JsonMapper> mapper;

    Http(Cluster cluster, Auth auth, Router router, CompletableFuture<JsonMapper> mapper) {
        this.cluster = cluster;
        this.auth = auth;
        this.router = router;
        this.mapper = mapper;
    }

    private JsonMapper json() {
        return mapper.join();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            Map<String, Object> body = new LinkedHashMap<>();
            String reason = null;
            try {
                Object data = dispatch(exchange);
                if (data instanceof Paged page) {
                    body.put("data", page.data());
                    body.put("total", page.total());
                } else {
                    body.put("data", data);
                }
            } catch (ApiException e) {
                status = e.status();
                reason = e.getMessage();
                body.put("data", null);
                body.put("message", e.getMessage());
                if (!e.errors().isEmpty()) {
                    body.put("errors", e.errors());
                }
            } catch (RuntimeException e) {
                status = 500;
                reason = "internal error in the sandbox: " + e;
                body.put("data", null);
                body.put("message", reason);
            }
            byte[] bytes = json().writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.getResponseHeaders().set("Cache-Control", "max-age=0");
            if (reason != null) {
                // The JDK server cannot put a custom reason phrase on the status line; Proxmox does, so it travels here too.
                exchange.getResponseHeaders().set("X-Pve-Reason", reason.replaceAll("[\\r\\n]", " "));
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Object dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        if (!rawPath.equals(PREFIX) && !rawPath.startsWith(PREFIX + "/")) {
            throw new ApiException(501, "Method '" + method + " " + rawPath + "' not implemented");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.substring(PREFIX.length()).split("/")) {
            if (!segment.isEmpty()) {
                segments.add(percentDecode(segment, false));
            }
        }
        String path = "/" + String.join("/", segments);
        byte[] content = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> params = new LinkedHashMap<>();
        byte[] upload = null;
        parseForm(exchange.getRequestURI().getRawQuery(), params);
        if (method.equals("POST") || method.equals("PUT")) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null && type.startsWith("application/json") && content.length > 0) {
                parseJson(content, params);
            } else if (type != null && type.startsWith("multipart/form-data")) {
                upload = Multipart.parse(type, content, params);
            } else {
                parseForm(new String(content, StandardCharsets.UTF_8), params);
            }
        } else if (content.length > 0) {
            throw new ApiException(501, "Unexpected content for method '" + method + "'");
        }
        String user = Auth.UNAUTHENTICATED.contains(path) ? null : auth.authenticate(method,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Cookie"),
                exchange.getRequestHeaders().getFirst("CSRFPreventionToken"));
        synchronized (cluster) {
            cluster.tick();
            Router.Match match = router.match(method, segments, path);
            match.route().spec().check(params, match.vars());
            checkPathVars(match.vars(), path.endsWith("/wakeonlan"));
            return match.route().handler().handle(new Request(method, path, match.vars(), params, user, upload));
        }
    }

    private void checkPathVars(Map<String, String> vars, boolean wakeOnLan) {
        String vmid = vars.get("vmid");
        if (vmid != null && !vmid.matches("\\d{3,9}")) {
            throw ApiException.parameter("vmid", vmid.matches("\\d+")
                    ? "value must have a minimum value of 100" : "type check ('integer') failed - got '" + vmid + "'");
        }
        String node = vars.get("node");
        if (node != null && !(wakeOnLan && cluster.nodes.containsKey(node))) {
            cluster.node(node);
        }
    }

    private void parseJson(byte[] content, Map<String, List<String>> params) {
        Map<?, ?> object;
        try {
            object = json().readValue(content, Map.class);
        } catch (RuntimeException e) {
            throw new ApiException(400, "malformed JSON body");
        }
        object.forEach((k, v) -> {
            List<String> values = params.computeIfAbsent(String.valueOf(k), x -> new ArrayList<>());
            if (v instanceof List<?> list) {
                list.forEach(item -> values.add(scalar(item)));
            } else if (v != null) {
                values.add(scalar(v));
            }
        });
    }

    private static String scalar(Object value) {
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        return String.valueOf(value);
    }

    static void parseForm(String text, Map<String, List<String>> params) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = percentDecode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1), true);
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    /** Percent-decoding as UTF-8; {@code +} means a space only in query strings and form bodies. */
    static String percentDecode(String text, boolean plusIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (cp == '%' && i + 2 < text.length()) {
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 3;
                    continue;
                }
            }
            if (cp == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            }
            i += Character.charCount(cp);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
