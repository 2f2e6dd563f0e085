package io.github.proxmoxmcp.core.id;

import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.util.regex.Pattern;

/**
 * The Proxmox formats of identifiers that tools put in request paths (pve-common {@code JSONSchema.pm},
 * pve-access-control, pve-network). Proxmox decodes the whole path before routing and does not normalise
 * {@code ..}, so a value that is not of its format could reach another endpoint: every such field is checked
 * against its format before any request is built. Only {@link #VOLUME} and {@link #CIDR} may hold a {@code /}.
 */
public enum PveFormat {

    NODE("a node name: letters, digits and inner '-', e.g. pve1", 63, "[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?"),
    VMID("a VMID: 100 to 999999999", 9, "[1-9][0-9]{2,8}"),
    STORAGE("a storage id: a letter, then letters, digits, '.', '_' or '-', e.g. local-lvm", 128,
            "(?i)[a-z][a-z0-9._-]*[a-z0-9]"),
    CONFIG_KEY("a config key: a letter, then letters, digits, '_' or '-', e.g. scsi0", 64, "(?i)[a-z][a-z0-9_-]+"),
    SNAPSHOT("a snapshot name: a letter, then letters, digits, '_' or '-' (at most 40)", 40, "(?i)[a-z][a-z0-9_-]+"),
    IFACE("an interface name, e.g. vmbr0, bond0 or eno1.10", 40, "(?i)[a-z][a-z0-9_]{1,20}([:.][0-9]+)?"),
    BRIDGE("a bridge or vnet name, e.g. vmbr0", 64, "[-_.\\w]+"),
    TAG("a tag: letters, digits, '_', '+', '.' or '-'", 128, "(?i)[a-z0-9_][a-z0-9_+.-]*"),
    USER("a user id user@realm, e.g. root@pam", 64, "[^\\s:/@]+@[A-Za-z][A-Za-z0-9._-]+"),
    TOKEN("a token id user@realm!name, e.g. root@pam!mcp", 128,
            "[^\\s:/@]+@[A-Za-z][A-Za-z0-9._-]+![A-Za-z][A-Za-z0-9._-]+"),
    TOKEN_NAME("a token name: a letter, then letters, digits, '.', '_' or '-'", 64, "[A-Za-z][A-Za-z0-9._-]+"),
    REALM("a realm: a letter, then letters, digits, '.', '_' or '-', e.g. pve", 32, "[A-Za-z][A-Za-z0-9._-]+"),
    GROUP("a group id: letters, digits, '.', '_' or '-'", 64, "[A-Za-z0-9._-]+"),
    ROLE("a role id: letters, digits, '.', '_' or '-', e.g. PVEAuditor", 64, "[A-Za-z0-9._-]+"),
    POOL("a pool id: letters, digits, '.', '_' or '-', nested with '/' at most 3 levels", 192,
            "[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+){0,2}"),
    SDN_ZONE("an SDN zone id: a letter, then letters or digits, 2 to 8 characters", 8, "[a-zA-Z][a-zA-Z0-9]*[a-zA-Z0-9]"),
    SDN_VNET("an SDN vnet id: a letter, then letters or digits, 2 to 8 characters", 8, "[a-zA-Z][a-zA-Z0-9]*[a-zA-Z0-9]"),
    SDN_ID("an SDN id: a letter, then letters, digits, '_' or '-', e.g. evpnctl", 64, "[a-zA-Z][a-zA-Z0-9_-]*[a-zA-Z0-9]"),
    /** pve-sdn-ipam-id and pve-sdn-dns-id. */
    SDN_PLUGIN("an SDN IPAM or DNS id: a letter, then letters or digits, e.g. pve", 64, "(?i)[a-z][a-z0-9]*[a-z0-9]"),
    SDN_FABRIC("an SDN fabric id: letters, digits and inner '-', 1 to 8 characters", 8, "[a-zA-Z0-9][a-zA-Z0-9-]{0,6}[a-zA-Z0-9]?"),
    /** pve-sdn-subnet-id in a path: {@code zone-address-prefix}, the CIDR's '/' written '-'. */
    SDN_SUBNET("an SDN subnet: its CIDR, e.g. 10.0.0.0/24, or its id zone-address-prefixlength, e.g. lab-10.0.0.0-24", 64,
            "[a-zA-Z][a-zA-Z0-9]*[a-zA-Z0-9]-[0-9a-fA-F.:]+-[0-9]{1,3}"),
    /** pve-ha-resource-or-vm-id: Proxmox takes any {@code type:name}, but only VMs and containers are HA resources. */
    HA_SID("an HA resource id vm:VMID or ct:VMID, or a plain VMID, e.g. vm:100", 12, "((vm|ct):)?[1-9][0-9]{2,8}"),
    /** An HA rule or group id (pve-configid). */
    HA_ID("an HA rule or group id: a letter, then letters, digits, '_' or '-', e.g. keep-apart", 64,
            "(?i)[a-z][a-z0-9_-]+"),
    /** A notification endpoint (target) or matcher name (pve-configid): one namespace for both. */
    NOTIFICATION("a notification target or matcher name: a letter, then letters, digits, '_' or '-', e.g. mail-to-root",
            64, "(?i)[a-z][a-z0-9_-]+"),
    FW_GROUP("a security group name: a letter, then letters, digits, '-' or '_' (2 to 18)", 18, "[A-Za-z][A-Za-z0-9_-]+"),
    FW_NAME("an IP set or alias name: a letter, then letters, digits, '-' or '_' (2 to 64)", 64, "[A-Za-z][A-Za-z0-9_-]+"),
    ACME_PLUGIN("a plugin id: a letter, then letters, digits, '.', '_' or '-'", 128, "(?i)[a-z][a-z0-9._-]*[a-z0-9]"),
    /** An ACME account name (pve-configid). */
    ACME_ACCOUNT("an ACME account name: a letter, then letters, digits, '_' or '-', e.g. default", 64, "(?i)[a-z][a-z0-9_-]+"),
    /**
     * pve-acme-domain (and pve-acme-alias): a DNS name, {@code *.} in front for a wildcard. It travels inside a property
     * string, where a ',' or '=' would add keys of its own.
     */
    ACME_DOMAIN("a domain name, e.g. pve1.example.com, or *.example.com for a wildcard", 253,
            "(\\*\\.)?([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?\\.)*[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?"),
    /** A volume id {@code storage:rest}: the one path parameter that takes the rest of the path. */
    VOLUME("a volume id storage:path, e.g. local:iso/debian.iso", 1024,
            "(?i)[a-z][a-z0-9._-]*[a-z0-9]:[^\\p{Cntrl}]+"),
    /** An IP set entry: an address or CIDR (it may hold a {@code /}), or an alias name. */
    CIDR("an address, CIDR or alias, e.g. 10.0.0.0/24 or dc/admins", 70, "[0-9A-Za-z:._/-]+"),
    UPID("a task id UPID:node:…", 512, "UPID:[a-zA-Z0-9-]+:[^\\s/]+"),
    /** A replication job id: the guest's VMID and a job number. */
    REPLICATION_JOB("a replication job id <vmid>-<job number>, e.g. 100-0", 19, "[1-9][0-9]{2,8}-[0-9]{1,9}"),
    /** A Ceph pool or CephFS name (pve-manager's pool and fs name pattern). */
    CEPH_POOL("a Ceph pool name: no ':', '/' or spaces, e.g. vm-pool", 256, "[^:/\\s\\p{Cntrl}]+"),
    /** Any other single path segment: not empty, no '/', no control characters. */
    SEGMENT("a name without '/', spaces or control characters", 256, "[^/\\s\\p{Cntrl}]+");

    private final String expected;
    private final int maxLength;
    private final Pattern pattern;

    PveFormat(String expected, int maxLength, String regex) {
        this.expected = expected;
        this.maxLength = maxLength;
        this.pattern = Pattern.compile(regex);
    }

    /** What a valid value looks like, for error messages. */
    public String expected() {
        return expected;
    }

    public boolean allowsSlash() {
        return this == VOLUME || this == CIDR || this == POOL;
    }

    /** The whole value matches, no {@code .} or {@code ..} path segment, within the length limit. */
    public boolean matches(String value) {
        if (value == null || value.length() > maxLength || !pattern.matcher(value).matches()) {
            return false;
        }
        if (!allowsSlash()) {
            return !value.equals(".") && !value.equals("..");
        }
        for (String segment : value.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * For a field whose format depends on another input (a kind selector): refuses a value not of this format with
     * the message a {@link PveId} field gets, {@code field: must be …; got …}. A null value passes.
     */
    public void check(String field, String value) {
        if (value != null && !matches(value)) {
            throw new ToolInputException(field + ": " + problem(value));
        }
    }

    /** Why the value is refused: "must be &lt;expected&gt;; got '…'" with the value shortened and made printable. */
    public String problem(String value) {
        return "must be " + expected + "; got " + Shown.quoted(value);
    }
}
