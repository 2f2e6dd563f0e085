package io.github.proxmoxmcp.firewall;

import io.github.proxmoxmcp.core.id.PveFormat;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.micronaut.core.annotation.Nullable;
import java.util.Locale;

/**
 * A firewall named in one argument, {@code scope}: {@code cluster}, {@code node/NODE} (a bare {@code node} is the
 * default node), {@code guest/VMID} (its node and type are looked up), {@code vnet/VNET} or {@code group/GROUP}. Each
 * id is checked against its Proxmox format before anything is sent.
 */
record Place(Scope scope, @Nullable String id) {

    /** The argument's description, shared by every tool that takes any scope. */
    static final String ANY = "cluster|node/N|guest/VMID|vnet/V|group/G";

    static Place parse(@Nullable String text, @Nullable Scope fallback) {
        if (text == null) {
            if (fallback == null) {
                throw new ToolInputException("scope is required: " + ANY);
            }
            return new Place(fallback, null);
        }
        Slashed path = Slashed.of("scope", text);
        String head = path.head().toLowerCase(Locale.ROOT);
        String id = path.rest();
        Scope scope;
        try {
            scope = Scope.valueOf(head);
        } catch (IllegalArgumentException e) {
            throw new ToolInputException("scope must be " + ANY + ", not '" + text + "'");
        }
        PveFormat format = switch (scope) {
            case cluster -> null;
            case node -> PveFormat.NODE;
            case guest -> PveFormat.VMID;
            case vnet -> PveFormat.SDN_VNET;
            case group -> PveFormat.FW_GROUP;
        };
        if (format == null && id != null) {
            throw new ToolInputException("scope cluster takes no id, not '" + text + "'");
        }
        if (id == null && scope != Scope.cluster && scope != Scope.node) {
            throw new ToolInputException("scope " + scope + " needs its id: " + scope + "/" + (scope == Scope.guest ? "VMID"
                    : scope.name().toUpperCase(Locale.ROOT)));
        }
        if (id != null && !format.matches(id)) {
            throw new ToolInputException("scope " + scope + "/…: " + format.problem(id));
        }
        return new Place(scope, id);
    }

    int vmid() {
        return Integer.parseInt(id);
    }
}
