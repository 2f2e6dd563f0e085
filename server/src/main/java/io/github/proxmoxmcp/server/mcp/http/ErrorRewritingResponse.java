package io.github.proxmoxmcp.server.mcp.http;

import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Lets successful answers (JSON and SSE streams) through untouched, and holds back an error the transport writes
 * (a serialized Java exception, with JSON-RPC codes that do not fit) to answer it as a proper JSON-RPC error.
 */
final class ErrorRewritingResponse extends HttpServletResponseWrapper {

    private final Object requestId;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private int status = 200;
    private String contentType;
    private String errorMessage;
    private PrintWriter writer;
    private ServletOutputStream stream;

    ErrorRewritingResponse(HttpServletResponse response, Object requestId) {
        super(response);
        this.requestId = requestId;
    }

    private boolean failed() {
        return status >= 400;
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        if (!failed()) {
            super.setStatus(sc);
        }
    }

    @Override
    public void sendError(int sc, String msg) {
        status = sc;
        errorMessage = msg;
    }

    @Override
    public void sendError(int sc) {
        sendError(sc, null);
    }

    @Override
    public void setContentType(String type) {
        contentType = type;
        if (!failed()) {
            super.setContentType(type);
        }
    }

    @Override
    public void setContentLength(int len) {
        if (!failed()) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!failed()) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (!failed()) {
            return super.getOutputStream();
        }
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    held.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("error bodies are written at once");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (!failed()) {
            if (writer == null && contentType != null && contentType.startsWith("text/event-stream")) {
                writer = new PrintWriter(new SseEventIds(super.getWriter()));
            }
            return writer != null ? writer : super.getWriter();
        }
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(held, StandardCharsets.UTF_8), true);
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!failed()) {
            super.flushBuffer();
        }
    }

    /** Writes the held error, if there is one, as a JSON-RPC error object. */
    void finish(McpJsonMapper json) throws IOException {
        if (!failed()) {
            if (writer != null) {
                writer.flush();
            }
            return;
        }
        if (writer != null) {
            writer.flush();
        }
        String message = errorMessage != null ? errorMessage : transportMessage(json);
        error(status, message == null ? "" : message).withId(requestId).send((HttpServletResponse) getResponse(), json);
    }

    private String transportMessage(McpJsonMapper json) {
        if (held.size() == 0) {
            return null;
        }
        try {
            Object body = json.readValue(held.toByteArray(), Object.class);
            if (body instanceof Map<?, ?> map && map.get("message") instanceof String text) {
                return text;
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: said generically below
        }
        return null;
    }

    /** The JSON-RPC error for an HTTP error of the transport, worded for the client, first line only. */
    static JsonRpcError error(int status, String transportMessage) {
        String message = transportMessage.lines().findFirst().orElse("").trim();
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        if (status == 404 && message.startsWith("Session not found")) {
            return JsonRpcError.of(404, JsonRpcError.SESSION_NOT_FOUND, "Session not found: it ended or never existed; "
                    + "start a new one with initialize");
        }
        if (status == 400 && message.startsWith("Session ID required")) {
            return JsonRpcError.of(400, JsonRpcError.SERVER_ERROR, "Bad Request: the Mcp-Session-Id header is required "
                    + "(send initialize first)");
        }
        if (status == 400 && message.startsWith("Invalid message format")) {
            return JsonRpcError.of(400, JsonRpcError.INVALID_REQUEST, "Invalid Request: " + message);
        }
        if (status >= 500) {
            return JsonRpcError.of(status, JsonRpcError.INTERNAL_ERROR, "Internal error");
        }
        String reason = switch (status) {
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 415 -> "Unsupported media type";
            default -> "Bad Request";
        };
        return JsonRpcError.of(status, JsonRpcError.SERVER_ERROR, message.isEmpty() ? reason : reason + ": " + message);
    }
}
