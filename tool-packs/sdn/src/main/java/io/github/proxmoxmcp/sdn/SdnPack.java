package io.github.proxmoxmcp.sdn;

import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolPack;
import java.util.List;

/** Software-defined networking: zones, vnets, subnets, controllers, IPAMs, DNS, fabrics; pending changes and apply. */
public final class SdnPack implements ToolPack {

    @Override
    public String name() {
        return "sdn";
    }

    @Override
    public String summary() {
        return "Software-defined networking: zones, vnets, subnets, controllers, IPAM, DNS, fabrics; pending changes, apply";
    }

    @Override
    public List<ToolDefinition<?>> tools() {
        return List.of(SdnGet.tool(), SdnNodeGet.tool(), SdnManage.tool(), SdnApply.tool(), SdnLock.tool());
    }
}
