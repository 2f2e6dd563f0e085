package io.github.proxmoxmcp.sandbox;

/** A page of a list and the size of the whole, answered as {@code {"data": [...], "total": n}} (syslog, task logs). */
record Paged(Object data, long total) {
}
