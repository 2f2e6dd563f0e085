package io.github.proxmoxmcp.core.testing;

import io.github.proxmoxmcp.core.client.VersionClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Proxmox that misbehaves on cue, for the faults MockServer cannot script: an HTTP/1.1 server on 127.0.0.1,
 * in the test JVM, whose answer to each request is scripted (answer, answer late, stall, reset the connection,
 * cut the body short). It records every request, how many were in flight at most, and how many stalled
 * connections the client gave up on.
 */
public final class ScriptedProxmox implements AutoCloseable {

    /** What the fake does with one request. */
    public sealed interface Reply {
    }

    /** A complete answer, sent after {@code delay}. */
    public record Answer(int status, String reason, String contentType, String body, Duration delay) implements Reply {

        public Answer after(Duration wait) {
            return new Answer(status, reason, contentType, body, wait);
        }
    }

    /** No answer at all: the connection stays open until the client closes it. */
    public record Stall() implements Reply {
    }

    /** The connection is reset (TCP RST) once the request has been read. */
    public record Reset() implements Reply {
    }

    /** Headers announcing {@code declaredLength} bytes, then only {@code sent}, then the connection is closed. */
    public record Cut(int status, String contentType, String sent, int declaredLength) implements Reply {
    }

    /** An answer whose body comes one byte every {@code every}: never silent long enough for a read timeout. */
    public record Trickle(String body, Duration every) implements Reply {
    }

    /** One request as received; {@code path} is below {@code /api2/json}, still percent-encoded. */
    public record Received(String method, String path, String body, long atNanos) {

        public String line() {
            return method + " " + path;
        }
    }

    private static final String BASE_PATH = "/api2/json";

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, List<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final AtomicInteger reusedWhileStalled = new AtomicInteger();

    private ScriptedProxmox(ServerSocket server) {
        this.server = server;
        threads.execute(this::accept);
    }

    public static ScriptedProxmox start() {
        try {
            return new ScriptedProxmox(new ServerSocket(0, 100, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1", e);
        }
    }

    public static Answer json(String dataJson) {
        return new Answer(200, "OK", "application/json;charset=UTF-8", "{\"data\":" + dataJson + "}", Duration.ZERO);
    }

    /** A Proxmox-style failure: the message in the reason phrase, {@code {"data":null}} as the body. */
    public static Answer failure(int status, String reason) {
        return new Answer(status, reason, "application/json;charset=UTF-8", "{\"data\":null}", Duration.ZERO);
    }

    public static Answer answer(int status, String contentType, String body) {
        return new Answer(status, status == 200 ? "OK" : "Error", contentType, body, Duration.ZERO);
    }

    public static Stall stall() {
        return new Stall();
    }

    public static Reset reset() {
        return new Reset();
    }

    public static Cut cut(String contentType, String sent, int declaredLength) {
        return new Cut(200, contentType, sent, declaredLength);
    }

    public static Trickle trickle(String dataJson, Duration every) {
        return new Trickle("{\"data\":" + dataJson + "}", every);
    }

    /** {@code http://127.0.0.1:PORT}, the service URL for the Proxmox client. */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Answers {@code METHOD /path} with the replies in turn; the last one goes on for every later request. */
    public ScriptedProxmox on(String method, String apiPath, Reply... replies) {
        scripts.put(method + " " + apiPath, List.of(replies));
        served.put(method + " " + apiPath, new AtomicInteger());
        return this;
    }

    /**
     * Forgets scripts and records, so the next test starts clean. Open connections stay: closing the client's idle
     * keep-alive connections under it would make the next test's first request race that close.
     */
    public void clear() {
        scripts.clear();
        served.clear();
        received.clear();
        inFlight.set(0);
        maxInFlight.set(0);
        abandoned.set(0);
        reusedWhileStalled.set(0);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<String> lines() {
        return received.stream().map(Received::line).toList();
    }

    /** The most requests held at once: read in full, their answer not yet begun. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Stalled requests whose connection the client closed (it gave up waiting, as it should). */
    public int abandoned() {
        return abandoned.get();
    }

    /** {@link #abandoned()} once it reaches {@code expected}, or as it is after {@code patience}: a close arrives late. */
    public int abandoned(int expected, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (abandoned.get() < expected && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(10));
        }
        return abandoned.get();
    }

    /** Bytes the client sent on a connection whose request was still unanswered: 0 unless it reuses a stalled connection. */
    public int reusedWhileStalled() {
        return reusedWhileStalled.get();
    }

    /**
     * Sends one request through a fresh client and forgets it: the first request of a bean context pays for
     * building the HTTP client (a second or more on a busy machine), which timing assertions must not measure.
     */
    public void warmUp(VersionClient client) {
        on("GET", "/version", json("{\"version\":\"9.1.2\"}"));
        client.version().block(Duration.ofSeconds(30));
        clear();
    }

    /**
     * The properties pointing the Proxmox client at this fake, with token auth, no rate limit to speak of, and the
     * given ones on top (e.g. {@code proxmox.timeout}, {@code proxmox.max-concurrent}).
     */
    public Map<String, String> clientProperties(Map<String, String> more) {
        return clientProperties(url(), more);
    }

    /** Like {@link #clientProperties(Map)}, for a client pointed at {@code url}. */
    public static Map<String, String> clientProperties(String url, Map<String, String> more) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "micronaut.http.services.proxmox.url", url,
                "proxmox.token-id", PackHarness.TOKEN_ID,
                "proxmox.token-secret", PackHarness.TOKEN_SECRET,
                "proxmox.rate-limit", "1000",
                "proxmox.task-poll-interval", "20ms"));
        properties.putAll(more);
        return properties;
    }

    @Override
    public void close() {
        closeQuietly(server);
        connections.forEach(ScriptedProxmox::closeQuietly);
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                Received request = read(in);
                if (request == null) {
                    return;
                }
                received.add(request);
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                AtomicBoolean pending = new AtomicBoolean(true);
                Runnable answered = () -> {
                    if (pending.getAndSet(false)) {
                        inFlight.decrementAndGet();
                    }
                };
                try {
                    if (!reply(request, socket, in, out, answered)) {
                        return;
                    }
                } finally {
                    answered.run();
                }
            }
        } catch (IOException e) {
            // the client went away: nothing more to serve on this connection
        } finally {
            connections.remove(socket);
        }
    }

    /**
     * Sends the scripted reply; false when the connection is finished with. {@code answered} runs before the last
     * bytes leave, so that a request counts as in flight only while the client cannot have its answer yet.
     */
    private boolean reply(Received request, Socket socket, InputStream in, OutputStream out, Runnable answered)
            throws IOException {
        switch (next(request)) {
            case Answer answer -> {
                pause(answer.delay());
                answered.run();
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                out.write(concat(head(answer.status(), answer.reason(), answer.contentType(), body.length), body));
                out.flush();
                return true;
            }
            case Stall stall -> {
                // read until the client closes its end: that is the client giving up on the request
                while (in.read() >= 0) {
                    // a client must not send another request on a connection still waiting for an answer
                    reusedWhileStalled.incrementAndGet();
                }
                abandoned.incrementAndGet();
                return false;
            }
            case Reset reset -> {
                answered.run();
                socket.setSoLinger(true, 0);
                return false;
            }
            case Trickle trickle -> {
                byte[] body = trickle.body().getBytes(StandardCharsets.UTF_8);
                out.write(head(200, "OK", "application/json", body.length));
                for (int i = 0; i < body.length; i++) {
                    out.flush();
                    pause(trickle.every());
                    if (i == body.length - 1) {
                        answered.run();
                    }
                    out.write(body[i]);
                }
                out.flush();
                return true;
            }
            case Cut cut -> {
                answered.run();
                out.write(concat(head(cut.status(), "OK", cut.contentType(), cut.declaredLength()),
                        cut.sent().getBytes(StandardCharsets.UTF_8)));
                out.flush();
                return false;
            }
        }
    }

    private Reply next(Received request) {
        List<Reply> script = scripts.get(request.line());
        if (script == null) {
            return new Answer(404, "no script for " + request.line(), "application/json", "{\"data\":null}", Duration.ZERO);
        }
        int n = served.get(request.line()).getAndIncrement();
        return script.get(Math.min(n, script.size() - 1));
    }

    private static byte[] concat(byte[] head, byte[] body) {
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static byte[] head(int status, String reason, String contentType, int length) {
        return ("HTTP/1.1 " + status + " " + reason + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads one request (head and Content-Length or chunked body); null at the end of the stream. */
    private static Received read(InputStream in) throws IOException {
        String head = readHead(in);
        if (head == null) {
            return null;
        }
        long at = System.nanoTime();
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        int length = 0;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("content-length")) {
                length = Integer.parseInt(value);
            } else if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            }
        }
        byte[] body = chunked ? readChunked(in) : in.readNBytes(length);
        String target = requestLine[1];
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        String apiPath = path.startsWith(BASE_PATH) ? path.substring(BASE_PATH.length()) : path;
        return new Received(requestLine[0], apiPath, new String(body, StandardCharsets.UTF_8), at);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            last = last << 8 | b;
            if (last == 0x0d0a0d0a) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in);
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                readLine(in);
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing on the way out
        }
    }

    @Override
    public String toString() {
        return "ScriptedProxmox[" + url() + ", received=" + lines() + "]";
    }
}
