package io.github.proxmoxmcp.cluster;

import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolPack;
import java.util.List;

/** The cluster: health and quorum, options, pools, backup and replication jobs, mappings, metric servers, bulk actions. */
public final class ClusterPack implements ToolPack {

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public String summary() {
        return "Cluster: health and quorum, options, pools, backup/replication/realm-sync jobs, mappings, metric servers";
    }

    @Override
    public List<ToolDefinition<?>> tools() {
        return List.of(
                ClusterStatus.tool(),
                ClusterGet.tool(),
                ScheduleAnalyze.tool(),
                ConfigGet.tool(),
                OptionsSet.tool(),
                PoolManage.tool(),
                ConfigManage.tool(),
                ClusterSetup.tool(),
                GuestsControl.tool());
    }
}
