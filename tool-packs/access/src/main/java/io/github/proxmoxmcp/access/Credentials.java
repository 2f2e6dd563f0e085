package io.github.proxmoxmcp.access;

import io.github.proxmoxmcp.core.client.ProxmoxConfiguration;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolResult;
import java.util.Optional;

/** What the server's own Proxmox credentials allow: who it is, and the calls Proxmox refuses to API tokens. */
final class Credentials {

    private static final String ROOT = "root@pam";

    private final ProxmoxConfiguration config;

    private Credentials(ProxmoxConfiguration config) {
        this.config = config;
    }

    static Credentials of(ToolContext context) {
        return new Credentials(context.bean(ProxmoxConfiguration.class));
    }

    /** The user or token this server acts as. */
    String authId() {
        return config.tokenAuth() ? config.tokenId() : config.user();
    }

    boolean token() {
        return config.tokenAuth();
    }

    /**
     * Password and TFA changes are marked {@code allowtoken => 0}: Proxmox answers an API token with 403 and wants a
     * ticket. The refusal, when the server runs with a token; nothing is sent.
     */
    Optional<ToolResult> refuseToken(String what) {
        if (!config.tokenAuth()) {
            return Optional.empty();
        }
        return Optional.of(ToolResult.error("Proxmox does not accept an API token for " + what
                + ": it needs a password login. Nothing was sent to Proxmox. Run proxmox-mcp with PROXMOX_USER and "
                + "PROXMOX_PASSWORD for this, or use pveum or the web UI."));
    }

    /**
     * Deleting a TFA entry as any user but root@pam needs that user's password, and a DELETE carries its parameters
     * in the URL, which pveproxy writes to its access log. The refusal, when the password would be needed; nothing is
     * sent.
     */
    Optional<ToolResult> refusePasswordInUrl() {
        if (reauthentication() == null) {
            return Optional.empty();
        }
        return Optional.of(ToolResult.error("Proxmox wants the password of " + config.user() + " to delete a TFA entry, and "
                + "it would travel in the URL, which pveproxy writes to its access log. Nothing was sent to Proxmox. "
                + "Delete the entry as root@pam, or in the web UI."));
    }

    /**
     * The password Proxmox asks of the user making a password or TFA change, who must confirm it unless they are
     * root@pam: this server's own login password. Null when none is needed.
     */
    String reauthentication() {
        return config.tokenAuth() || ROOT.equals(config.user()) ? null : config.password();
    }
}
