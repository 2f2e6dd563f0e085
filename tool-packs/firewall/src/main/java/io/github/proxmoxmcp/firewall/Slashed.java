package io.github.proxmoxmcp.firewall;

import io.github.proxmoxmcp.core.id.PveFormat;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.micronaut.core.annotation.Nullable;

/**
 * An argument written {@code kind/id}, as Proxmox writes its paths: a firewall's {@code scope} ({@code guest/100}), a
 * {@code view} below it ({@code ipsets/blocklist}) or the {@code item} a delete names ({@code rule/3}). Split at the
 * first {@code /}; each id is checked against its Proxmox format before anything is sent.
 *
 * @param field the argument, for errors
 * @param rest what follows the first {@code /}, or null when there is none
 */
record Slashed(String field, String head, @Nullable String rest) {

    static Slashed of(String field, String text) {
        int slash = text.indexOf('/');
        return new Slashed(field, slash < 0 ? text : text.substring(0, slash), slash < 0 ? null : text.substring(slash + 1));
    }

    /** The rest as a rule position: 0 or more. */
    int position() {
        if (rest == null || !rest.matches("[0-9]{1,9}")) {
            throw new ToolInputException(field + " " + head + "/…: the position is 0 or more, not '" + (rest == null ? "" : rest)
                    + "'");
        }
        return Integer.parseInt(rest);
    }

    /** The rest as one id of the given format. */
    String id(PveFormat format) {
        return checked(format, rest == null ? "" : rest);
    }

    /** The IP set the rest names: up to a further {@code /}, after which a CIDR may follow. */
    String ipset() {
        String all = rest == null ? "" : rest;
        int cut = all.indexOf('/');
        return checked(PveFormat.FW_NAME, cut < 0 ? all : all.substring(0, cut));
    }

    /** The CIDR of an entry of {@link #ipset()}, or null: a CIDR is the one firewall id that holds {@code /}. */
    @Nullable
    String cidr() {
        int cut = rest == null ? -1 : rest.indexOf('/');
        return cut < 0 ? null : checked(PveFormat.CIDR, rest.substring(cut + 1));
    }

    private String checked(PveFormat format, String id) {
        if (!format.matches(id)) {
            throw new ToolInputException(field + ": " + format.problem(id));
        }
        return id;
    }
}
