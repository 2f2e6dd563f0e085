package io.github.proxmoxmcp.ha;

import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolPack;
import java.util.List;

/** High availability: HA state, HA resources, placement (rules on PVE 9, groups on PVE 8), arming. */
public final class HaPack implements ToolPack {

    @Override
    public String name() {
        return "ha";
    }

    @Override
    public String summary() {
        return "High availability: HA status, HA resources and their moves, placement rules (PVE 9) or groups (PVE 8)";
    }

    @Override
    public List<ToolDefinition<?>> tools() {
        return List.of(
                HaStatus.tool(),
                ConfigGet.tool(),
                ResourceManage.tool(),
                ResourceMove.tool(),
                RuleManage.tool(),
                HaArm.tool());
    }
}
