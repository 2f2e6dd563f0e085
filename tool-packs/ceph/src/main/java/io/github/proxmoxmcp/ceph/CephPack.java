package io.github.proxmoxmcp.ceph;

import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolPack;
import java.util.List;

/** Ceph: health, OSDs, monitors, managers and metadata servers, pools, CephFS, cluster flags, first setup. */
public final class CephPack implements ToolPack {

    @Override
    public String name() {
        return "ceph";
    }

    @Override
    public String summary() {
        return "Ceph: health, OSDs, monitors, managers, metadata servers, pools, CephFS, cluster flags, first setup";
    }

    @Override
    public List<ToolDefinition<?>> tools() {
        return List.of(
                CephStatus.tool(),
                CephList.tool(),
                OsdManage.tool(),
                OsdDestroy.tool(),
                ServiceManage.tool(),
                PoolManage.tool(),
                FsCreate.tool(),
                FlagsSet.tool(),
                CephInit.tool());
    }
}
