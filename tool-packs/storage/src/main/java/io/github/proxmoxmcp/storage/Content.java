package io.github.proxmoxmcp.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** What a storage holds: VM disks (images), container volumes (rootdir), templates, ISOs, backups, snippets, imports. */
@Serdeable
enum Content {
    @JsonProperty("images") images,
    @JsonProperty("rootdir") rootdir,
    @JsonProperty("vztmpl") vztmpl,
    @JsonProperty("iso") iso,
    @JsonProperty("backup") backup,
    @JsonProperty("snippets") snippets,
    /** {@code import} is a Java keyword. */
    @JsonProperty("import") imports;

    /** The Proxmox name. */
    @Override
    public String toString() {
        return this == imports ? "import" : name();
    }
}
