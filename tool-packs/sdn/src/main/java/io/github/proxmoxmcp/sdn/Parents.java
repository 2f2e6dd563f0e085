package io.github.proxmoxmcp.sdn;

import io.github.proxmoxmcp.core.spi.ToolInputException;

/** The vnet a subnet or IP belongs to, the fabric a fabric node belongs to: required there, refused elsewhere. */
final class Parents {

    private Parents() {
    }

    /** The parent the kind needs, checked; a parent given to a kind without one is an error, not ignored. */
    static String of(Kind kind, String vnet, String fabric) {
        String field = kind.parentField();
        if (field == null) {
            none(vnet, fabric, kind.name());
            return null;
        }
        String given = field.equals("vnet") ? vnet : fabric;
        String other = field.equals("vnet") ? fabric : vnet;
        if (given == null) {
            throw new ToolInputException(field + " is required for kind=" + kind.name());
        }
        if (other != null) {
            throw new ToolInputException((field.equals("vnet") ? "fabric" : "vnet") + " does not go with kind=" + kind.name());
        }
        return given;
    }

    static void none(String vnet, String fabric, String kind) {
        if (vnet != null || fabric != null) {
            throw new ToolInputException((vnet != null ? "vnet" : "fabric") + " does not go with kind=" + kind);
        }
    }
}
