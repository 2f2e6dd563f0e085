package io.github.proxmoxmcp.server.doctor;

import java.util.List;
import java.util.Map;

/**
 * The privilege a tool needs, on the top path it works under: what {@code doctor} checks the credentials'
 * effective permissions against. {@code anyOf} holds alternatives (one suffices), as Proxmox's "any" checks do.
 */
record Requirement(String path, List<String> anyOf) {

    /** The read privilege of each pack's BASIC tools. */
    private static final Map<String, Requirement> READS = Map.of(
            "node", of("/nodes", "Sys.Audit"),
            "guest", of("/vms", "VM.Audit"),
            "storage", of("/storage", "Datastore.Audit", "Datastore.AllocateSpace"),
            "access", of("/access", "Sys.Audit"),
            "cluster", of("/", "Sys.Audit"),
            "ha", of("/", "Sys.Audit"),
            "firewall", of("/", "Sys.Audit"));

    /** The privilege of each pack's ELEVATED tools where one name covers the pack. */
    private static final Map<String, Requirement> WRITES = Map.of(
            "node", of("/nodes", "Sys.Modify"),
            "storage", of("/storage", "Datastore.Allocate"),
            "access", of("/access", "User.Modify"),
            "cluster", of("/", "Sys.Modify"),
            "ha", of("/", "Sys.Console"),
            "firewall", of("/", "Sys.Modify"));

    /** Tools whose privilege is not the pack's (PVE 9 names: VM.Monitor is gone, the guest agent has its own). */
    private static final Map<String, Requirement> TOOLS = Map.ofEntries(
            Map.entry("proxmox_node_power_control", of("/nodes", "Sys.PowerMgmt")),
            Map.entry("proxmox_node_guests_control", of("/vms", "VM.PowerMgmt")),
            Map.entry("proxmox_node_wake", of("/nodes", "Sys.PowerMgmt")),
            Map.entry("proxmox_cluster_guests_control", of("/vms", "VM.PowerMgmt")),
            Map.entry("proxmox_storage_upload", of("/storage", "Datastore.AllocateTemplate")),
            Map.entry("proxmox_storage_content_manage", of("/storage", "Datastore.Allocate", "Datastore.AllocateSpace")),
            Map.entry("proxmox_storage_disk_list", of("/nodes", "Sys.Audit")),
            Map.entry("proxmox_storage_disk_smart", of("/nodes", "Sys.Audit")),
            Map.entry("proxmox_storage_disk_manage", of("/nodes", "Sys.Modify")),
            Map.entry("proxmox_storage_disk_prepare", of("/nodes", "Sys.Modify")),
            Map.entry("proxmox_storage_scan", of("/storage", "Datastore.Allocate")),
            Map.entry("proxmox_access_acl_set", of("/access", "Permissions.Modify")),
            Map.entry("proxmox_access_role_manage", of("/access", "Sys.Modify")),
            Map.entry("proxmox_access_realm_manage", of("/access", "Realm.Allocate")),
            Map.entry("proxmox_access_realm_sync", of("/access", "Realm.AllocateUser")),
            Map.entry("proxmox_guest_power", of("/vms", "VM.PowerMgmt")),
            Map.entry("proxmox_guest_snapshot", of("/vms", "VM.Snapshot")),
            Map.entry("proxmox_guest_clone", of("/vms", "VM.Clone")),
            Map.entry("proxmox_guest_provision", of("/vms", "VM.Clone")),
            Map.entry("proxmox_guest_delete", of("/vms", "VM.Allocate")),
            Map.entry("proxmox_guest_create_vm", of("/vms", "VM.Allocate")),
            Map.entry("proxmox_guest_create_ct", of("/vms", "VM.Allocate")),
            Map.entry("proxmox_guest_restore", of("/vms", "VM.Allocate")),
            Map.entry("proxmox_guest_template", of("/vms", "VM.Allocate")),
            Map.entry("proxmox_guest_config_update", of("/vms", "VM.Config.Options")),
            Map.entry("proxmox_guest_tags", of("/vms", "VM.Config.Options")),
            Map.entry("proxmox_guest_disk", of("/vms", "VM.Config.Disk")),
            Map.entry("proxmox_guest_mountpoint", of("/vms", "VM.Config.Disk")),
            Map.entry("proxmox_guest_nic", of("/vms", "VM.Config.Network")),
            Map.entry("proxmox_guest_cloudinit_regenerate", of("/vms", "VM.Config.Cloudinit")),
            Map.entry("proxmox_guest_migrate", of("/vms", "VM.Migrate")),
            Map.entry("proxmox_guest_backup", of("/vms", "VM.Backup")),
            Map.entry("proxmox_guest_console", of("/vms", "VM.Console")),
            Map.entry("proxmox_guest_agent_get", of("/vms", "VM.GuestAgent.Audit", "VM.GuestAgent.Unrestricted", "VM.Monitor")),
            Map.entry("proxmox_guest_agent_file_read", of("/vms", "VM.GuestAgent.FileRead", "VM.GuestAgent.Unrestricted", "VM.Monitor")),
            Map.entry("proxmox_guest_agent_file_write", of("/vms", "VM.GuestAgent.FileWrite", "VM.GuestAgent.Unrestricted", "VM.Monitor")),
            Map.entry("proxmox_guest_agent_exec", of("/vms", "VM.GuestAgent.Unrestricted", "VM.Monitor")),
            Map.entry("proxmox_guest_agent_set_password", of("/vms", "VM.GuestAgent.Unrestricted", "VM.Monitor")));

    private static Requirement of(String path, String... anyOf) {
        return new Requirement(path, List.of(anyOf));
    }

    /** What a tool of a pack needs; a pack this table does not know is assumed to read and change cluster-wide settings. */
    static Requirement of(String pack, String tool, boolean elevated) {
        Requirement specific = TOOLS.get(tool);
        if (specific != null) {
            return specific;
        }
        if (elevated) {
            return WRITES.getOrDefault(pack, pack.equals("guest") ? of("/vms", "VM.Config.Options") : of("/", "Sys.Modify"));
        }
        return READS.getOrDefault(pack, of("/", "Sys.Audit"));
    }

    /** Whether the effective permissions (path to privilege to propagate) grant it, here or inherited from a parent path. */
    boolean heldBy(Map<String, Map<String, Boolean>> permissions) {
        for (String at = path; at != null; at = parent(at)) {
            Map<String, Boolean> privileges = permissions.get(at);
            if (privileges != null) {
                boolean own = at.equals(path);
                for (String privilege : anyOf) {
                    Boolean propagate = privileges.get(privilege);
                    if (propagate != null && (own || propagate)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String parent(String path) {
        if (path.equals("/")) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    @Override
    public String toString() {
        return String.join(" or ", anyOf) + " on " + path;
    }
}
