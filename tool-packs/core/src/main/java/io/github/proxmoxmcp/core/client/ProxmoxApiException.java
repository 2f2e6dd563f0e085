package io.github.proxmoxmcp.core.client;

import java.util.Map;
import java.util.TreeMap;

/**
 * A failed Proxmox request, already classified and worded for the user. Never carries secrets:
 * messages are built from the status, the Proxmox message and its {@code errors} map only.
 */
public final class ProxmoxApiException extends RuntimeException {

    /**
     * What kind of failure this is, which decides the advice given. {@code UNCERTAIN} is a write that got no
     * complete answer: it may or may not have been applied.
     */
    public enum Kind {
        BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, SERVER, UNAVAILABLE, TIMEOUT, UNCERTAIN, CONNECTION, TLS,
        PROTOCOL, INTERNAL
    }

    private final Kind kind;
    private final int status;
    private final String detail;
    private final Map<String, String> errors;
    private final int attempts;

    public ProxmoxApiException(Kind kind, int status, String detail, Map<String, String> errors) {
        this(kind, status, detail, errors, 1);
    }

    /** @param attempts how often the request was sent before giving up with this outcome */
    public ProxmoxApiException(Kind kind, int status, String detail, Map<String, String> errors, int attempts) {
        super(detail, null, false, false);
        this.kind = kind;
        this.status = status;
        this.detail = detail;
        this.errors = Map.copyOf(new TreeMap<>(errors));
        this.attempts = attempts;
    }

    /** The same outcome, reached after {@code count} attempts. */
    public ProxmoxApiException afterAttempts(int count) {
        return new ProxmoxApiException(kind, status, detail, errors, count);
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> errors() {
        return errors;
    }

    public int attempts() {
        return attempts;
    }

    /** The whole message for the agent: status, Proxmox's text, each field error, and what to do. */
    public String userMessage() {
        StringBuilder text = new StringBuilder();
        text.append(prefix()).append(detail);
        if (attempts > 1) {
            text.append(", tried ").append(attempts).append(" times");
        }
        new TreeMap<>(errors).forEach((field, message) -> text.append("\n  ").append(field).append(": ").append(message));
        String hint = hint();
        if (!hint.isEmpty()) {
            text.append('\n').append(hint);
        }
        return text.toString();
    }

    private String prefix() {
        if (kind == Kind.PROTOCOL && status > 0) {
            return "";
        }
        if (status > 0) {
            return "Proxmox API error " + status + ": ";
        }
        return switch (kind) {
            case NOT_FOUND -> "Not found: ";
            case PROTOCOL -> "Unexpected answer from Proxmox: ";
            case INTERNAL -> "Internal error in proxmox-mcp: ";
            default -> "Proxmox request failed: ";
        };
    }

    private String hint() {
        return switch (kind) {
            case UNAUTHORIZED -> "Check PROXMOX_TOKEN_NAME/PROXMOX_TOKEN_VALUE (or PROXMOX_USER/PROXMOX_PASSWORD): the credentials were refused.";
            case FORBIDDEN -> "The API user lacks a privilege for this path (see the message for which): check what it has "
                    + "with proxmox_access_permissions (path, privs). "
                    + "With an API token, privilege separation limits the token to its own ACLs: grant the role to the token too, "
                    + "or create the token with privilege separation off.";
            case NOT_FOUND -> "Check the node, VMID or name: list them first with the matching *_list tool.";
            case TIMEOUT -> "Proxmox did not answer in time: check the node's load and pveproxy; PROXMOX_TIMEOUT and "
                    + "PROXMOX_RETRY_ATTEMPTS set how long to wait.";
            case UNCERTAIN -> "The request was sent once and not retried, and it may have been applied: check the node's task "
                    + "list (proxmox_node_task_list) or the resource's current state before trying again.";
            case CONNECTION -> "Check PROXMOX_HOST and PROXMOX_PORT and that the host is reachable.";
            case TLS -> "Set PROXMOX_CA_FILE to the cluster CA (/etc/pve/pve-root-ca.pem) or PROXMOX_TLS_FINGERPRINT to the "
                    + "certificate's SHA-256 fingerprint; PROXMOX_SSL_MODE=insecure disables verification.";
            case UNAVAILABLE -> "Proxmox is temporarily unavailable; try again shortly.";
            case PROTOCOL -> status > 0 ? "Something other than the Proxmox API may have answered (a proxy, a login page): check "
                    + "that PROXMOX_HOST and PROXMOX_PORT reach pveproxy (port 8006)." : "";
            case INTERNAL -> "This is a fault in proxmox-mcp, not in the request; check the cluster state before retrying.";
            default -> "";
        };
    }
}
