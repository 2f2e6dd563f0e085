package io.github.proxmoxmcp.acme;

import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolPack;
import java.util.List;

/** ACME and certificates: accounts, challenge plugins, node certificates (ACME orders, custom uploads). */
public final class AcmePack implements ToolPack {

    @Override
    public String name() {
        return "acme";
    }

    @Override
    public String summary() {
        return "ACME and certificates: ACME accounts, DNS challenge plugins, node certificates (order, renew, upload)";
    }

    @Override
    public List<ToolDefinition<?>> tools() {
        return List.of(
                AcmeGet.tool(),
                AccountManage.tool(),
                PluginManage.tool(),
                CertificateGet.tool(),
                DomainsSet.tool(),
                CertificateManage.tool());
    }
}
