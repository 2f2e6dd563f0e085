package io.github.proxmoxmcp.access;

import io.github.proxmoxmcp.core.id.PveFormat;
import io.github.proxmoxmcp.core.spi.ToolInputException;

/**
 * Whom an ACL entry names: a token {@code user@realm!name}, a user {@code user@realm} or a group (a group id holds
 * neither {@code @} nor {@code !}), told apart by their formats as Proxmox does in its ACL list.
 */
record Who(Kind kind, String id) {

    enum Kind { user, group, token }

    static Who of(String field, String id) {
        if (PveFormat.TOKEN.matches(id)) {
            return new Who(Kind.token, id);
        }
        if (PveFormat.USER.matches(id)) {
            return new Who(Kind.user, id);
        }
        if (PveFormat.GROUP.matches(id)) {
            return new Who(Kind.group, id);
        }
        throw new ToolInputException(field + " must name a user user@realm, a token user@realm!name or a group");
    }
}
