package io.github.proxmoxmcp.server.mcp.http;

import java.io.Writer;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives every SSE event of this process its own id: the transport reuses the session id for every response event,
 * which makes {@code Last-Event-ID} meaningless. Rewrites {@code id:} lines as they pass; everything else is
 * written as it comes, and complete lines are flushed at once so that streaming is not delayed.
 */
final class SseEventIds extends Writer {

    private static final String PROCESS = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicLong NEXT = new AtomicLong();

    private final Writer target;
    private final StringBuilder line = new StringBuilder();

    SseEventIds(Writer target) {
        this.target = target;
    }

    static String nextId() {
        return PROCESS + "-" + NEXT.incrementAndGet();
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) throws java.io.IOException {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            line.append(c);
            if (c == '\n') {
                String complete = line.toString();
                target.write(complete.startsWith("id:") ? "id: " + nextId() + "\n" : complete);
                line.setLength(0);
            }
        }
    }

    @Override
    public synchronized void flush() throws java.io.IOException {
        target.flush();
    }

    @Override
    public synchronized void close() throws java.io.IOException {
        if (!line.isEmpty()) {
            target.write(line.toString());
            line.setLength(0);
        }
        target.close();
    }
}
