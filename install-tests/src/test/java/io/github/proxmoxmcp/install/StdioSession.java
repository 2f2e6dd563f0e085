package io.github.proxmoxmcp.install;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A server process spoken to in newline-delimited JSON-RPC over its stdin and stdout; stderr goes to a file. */
final class StdioSession implements AutoCloseable {

    private final Process process;
    private final OutputStream in;
    private final BufferedReader out;
    private final Path stderr;

    StdioSession(ProcessBuilder builder, Path stderr) throws IOException {
        this.stderr = stderr;
        builder.redirectError(stderr.toFile());
        this.process = builder.start();
        this.in = process.getOutputStream();
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Sends a request and returns its answer (notifications in between are skipped). */
    JsonObject request(int id, String method, String params, int timeoutSeconds) throws Exception {
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = CompletableFuture.supplyAsync(this::readLine).get(Math.max(left, 1), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("the server closed stdout before answering " + method + "; stderr:\n" + stderr());
            }
            JsonObject message = JsonParser.parseString(line).getAsJsonObject();
            if (message.has("id") && message.get("id").getAsInt() == id) {
                return message;
            }
        }
    }

    void notify(String method) throws IOException {
        send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"}");
    }

    String stderr() throws IOException {
        return Files.exists(stderr) ? Files.readString(stderr) : "";
    }

    private void send(String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private String readLine() {
        try {
            return out.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    /** Closes stdin (the server ends on it) and waits for the exit code. */
    int finish() throws Exception {
        in.close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not end at the end of its input");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
