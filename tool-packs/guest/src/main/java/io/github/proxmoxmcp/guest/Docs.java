package io.github.proxmoxmcp.guest;

/** Field descriptions shared by many tools; kept short because the catalog is sent on every turn. */
final class Docs {

    static final String VMID = "Guest VMID";
    static final String NODE = "Node; resolved from vmid if omitted";
    static final String TYPE = "qemu or lxc; resolved if omitted";
    static final String WAIT = "Wait for the task (default true)";
    static final String TIMEOUT = "Max seconds to wait (default 300)";
    static final String CONFIRM = "Must be true: ";

    private Docs() {
    }
}
