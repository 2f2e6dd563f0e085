package io.github.proxmoxmcp.node;

import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolPack;
import java.util.List;

/** Nodes: status, services, logs, tasks, network, DNS/hosts/time, APT, power, replication. */
public final class NodePack implements ToolPack {

    @Override
    public String name() {
        return "node";
    }

    @Override
    public String summary() {
        return "Cluster nodes: status, services, logs, tasks, network, DNS/time, updates, power, replication";
    }

    @Override
    public List<ToolDefinition<?>> tools() {
        return List.of(
                NodeList.tool(),
                NodeStatus.tool(),
                RrdGet.tool(),
                ServiceList.tool(),
                ServiceControl.tool(),
                NodeLog.tool(),
                TaskList.tool(),
                TaskGet.tool(),
                TaskStop.tool(),
                NetworkGet.tool(),
                NetworkManage.tool(),
                NetworkApply.tool(),
                SettingsGet.tool(),
                SettingsSet.tool(),
                AptGet.tool(),
                AptRefresh.tool(),
                PowerControl.tool(),
                GuestsControl.tool(),
                WakeOnLan.tool(),
                ReplicationGet.tool(),
                ReplicationRun.tool());
    }
}
