package io.github.proxmoxmcp.server.mcp.http;

import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of every HTTP error of the transport: a JSON-RPC error object, never a serialized exception.
 *
 * @param id the id of the request it answers, when it could be read (a number or a string), else null
 */
record JsonRpcError(int httpStatus, int code, String message, Object id) {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INTERNAL_ERROR = -32603;
    /** Transport-level refusals (missing session, forbidden, too large, too many), as the reference SDKs answer them. */
    static final int SERVER_ERROR = -32000;
    static final int SESSION_NOT_FOUND = -32001;

    static JsonRpcError of(int httpStatus, int code, String message) {
        return new JsonRpcError(httpStatus, code, message, null);
    }

    JsonRpcError withId(Object requestId) {
        return new JsonRpcError(httpStatus, code, message, requestId);
    }

    void send(HttpServletResponse response, McpJsonMapper json) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", id);
        body.put("error", error);
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(httpStatus);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
