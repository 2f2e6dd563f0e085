package io.github.proxmoxmcp.guest;

import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolPack;
import java.util.List;

/** QEMU VMs and LXC containers: find, inspect, power, create, provision, change, snapshot, back up, agent, console. */
public final class GuestPack implements ToolPack {

    @Override
    public String name() {
        return "guest";
    }

    @Override
    public String summary() {
        return "VMs and containers: list, status, power, create, provision from template, config, snapshots, backup, agent";
    }

    @Override
    public List<ToolDefinition<?>> tools() {
        return List.of(
                GuestList.tool(),
                GuestGet.tool(),
                GuestFeature.tool(),
                GuestNextId.tool(),
                GuestPower.tool(),
                GuestSnapshotList.tool(),
                GuestSnapshot.tool(),
                GuestClone.tool(),
                GuestProvision.tool(),
                GuestDelete.tool(),
                GuestCreateVm.tool(),
                GuestCreateCt.tool(),
                GuestConfigUpdate.tool(),
                GuestDisk.tool(),
                GuestNic.tool(),
                GuestMountPoint.tool(),
                GuestTags.tool(),
                GuestTemplate.tool(),
                GuestMigrate.tool(),
                GuestBackup.tool(),
                GuestBackupList.tool(),
                GuestRestore.tool(),
                GuestAgentGet.tool(),
                GuestAgentExec.tool(),
                GuestAgentFileRead.tool(),
                GuestAgentFileWrite.tool(),
                GuestAgentSetPassword.tool(),
                GuestConsole.tool(),
                GuestCloudInitGet.tool(),
                GuestCloudInitRegenerate.tool());
    }
}
