package io.github.proxmoxmcp.node;

/** Field descriptions shared by several tools, so the catalog says the same thing the same way. */
final class Docs {

    static final String NODE = "Node name; default PROXMOX_DEFAULT_NODE";
    static final String WAIT = "Wait for the task to end (default true)";
    static final String TIMEOUT = "Seconds to wait (default 300)";
    static final String CONFIRM = "Must be true: ";

    private Docs() {
    }
}
