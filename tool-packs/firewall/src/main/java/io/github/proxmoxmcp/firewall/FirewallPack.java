package io.github.proxmoxmcp.firewall;

import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolPack;
import java.util.List;

/** The Proxmox firewall at every scope: rules, security groups, aliases, IP sets, options, macros, refs and logs. */
public final class FirewallPack implements ToolPack {

    @Override
    public String name() {
        return "firewall";
    }

    @Override
    public String summary() {
        return "Firewall at cluster, node, guest and vnet scope: rules, security groups, aliases, IP sets, options, log";
    }

    @Override
    public List<ToolDefinition<?>> tools() {
        return List.of(
                FirewallGet.tool(),
                FirewallLog.tool(),
                RuleManage.tool(),
                OptionsSet.tool(),
                IpsetManage.tool(),
                AliasManage.tool(),
                GroupManage.tool(),
                FirewallDelete.tool());
    }
}
