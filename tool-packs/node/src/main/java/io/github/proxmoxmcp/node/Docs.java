package io.github.proxmoxmcp.node;

/** Field descriptions shared by several tools, so the catalog says the same thing the same way. */
final class Docs {

    static final String CONFIRM = "Must be true: ";

    private Docs() {
    }
}
