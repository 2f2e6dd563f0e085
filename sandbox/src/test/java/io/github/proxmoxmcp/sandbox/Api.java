package io.github.proxmoxmcp.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP/1.1 client for the sandbox, authenticating with the API token unless told otherwise. */
final class Api {

    record Response(int status, JsonNode body, String raw) {
        JsonNode data() {
            return body.get("data");
        }

        String message() {
            return body.path("message").asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Sandbox sandbox;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String[]> headers = new ArrayList<>();

    Api(Sandbox sandbox) {
        this.sandbox = sandbox;
        header("Authorization", "PVEAPIToken=" + sandbox.tokenId() + "=" + sandbox.tokenSecret());
    }

    Api(Sandbox sandbox, String... headerPairs) {
        this.sandbox = sandbox;
        for (int i = 0; i < headerPairs.length; i += 2) {
            header(headerPairs[i], headerPairs[i + 1]);
        }
    }

    private void header(String name, String value) {
        headers.add(new String[] {name, value});
    }

    Response get(String path, String... params) {
        return send("GET", path + query(params), null);
    }

    Response delete(String path, String... params) {
        return send("DELETE", path + query(params), null);
    }

    Response post(String path, String... form) {
        return send("POST", path, form(form));
    }

    Response put(String path, String... form) {
        return send("PUT", path, form(form));
    }

    /** A write with a JSON body, as some clients send them. */
    Response json(String method, String path, String body) {
        return send(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    Response send(String method, String path, String body) {
        return send(method, path, body == null ? null : "application/x-www-form-urlencoded",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** A POST of a {@code multipart/form-data} body: the fields, then the file as the part named {@code filename}. */
    Response upload(String path, String filename, byte[] file, String... fields) {
        String boundary = "sandbox-test-boundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"filename\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private Response send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.url() + "/api2/json" + path))
                .timeout(Duration.ofSeconds(10));
        headers.forEach(h -> request.header(h[0], h[1]));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), JSON.readTree(response.body()), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a task until it stops and returns its exit status. */
    String await(String upid) {
        String node = upid.split(":")[1];
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Response status = get("/nodes/" + node + "/tasks/" + encode(upid) + "/status");
            if (status.status() != 200) {
                throw new AssertionError("task status: " + status.raw());
            }
            if (status.data().get("status").asString().equals("stopped")) {
                return status.data().get("exitstatus").asString();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("task did not stop: " + upid);
    }

    /** Sends a write that must start a task, and waits for it. */
    String run(String method, String path, String... form) {
        Response response = method.equals("DELETE") ? delete(path, form) : send(method, path, form(form));
        if (response.status() != 200) {
            throw new AssertionError(method + " " + path + " -> " + response.status() + " " + response.raw());
        }
        return await(response.data().asString());
    }

    /** Parsed JSON, for comparing answers whatever their key order (Proxmox's is a Perl hash's). */
    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(encode(pairs[i])).append('=').append(encode(pairs[i + 1]));
        }
        return out.toString();
    }

    private static String query(String... pairs) {
        return pairs.length == 0 ? "" : "?" + form(pairs);
    }
}
