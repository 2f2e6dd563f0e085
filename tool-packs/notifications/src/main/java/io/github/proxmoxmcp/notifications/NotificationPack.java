package io.github.proxmoxmcp.notifications;

import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolPack;
import java.util.List;

/** Notifications: where Proxmox sends what it has to say (endpoints), which events go where (matchers), a test send. */
public final class NotificationPack implements ToolPack {

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public String summary() {
        return "Notifications: endpoints (sendmail, SMTP, Gotify, webhook), matchers routing events to them, test sends";
    }

    @Override
    public List<ToolDefinition<?>> tools() {
        return List.of(
                NotificationGet.tool(),
                EndpointManage.tool(),
                MatcherManage.tool(),
                TargetTest.tool());
    }
}
