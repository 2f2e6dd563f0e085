package io.github.proxmoxmcp.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Proxmox-style failure: HTTP status, message, and the optional field-to-message map. */
final class ApiException extends RuntimeException {

    private final int status;
    private final Map<String, String> errors;

    ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    ApiException(int status, String message, Map<String, String> errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = new LinkedHashMap<>(errors);
    }

    static ApiException parameters(Map<String, String> errors) {
        return new ApiException(400, "Parameter verification failed.", errors);
    }

    static ApiException parameter(String name, String message) {
        return parameters(Map.of(name, message));
    }

    static ApiException fail(String message) {
        return new ApiException(500, message);
    }

    int status() {
        return status;
    }

    Map<String, String> errors() {
        return errors;
    }
}
