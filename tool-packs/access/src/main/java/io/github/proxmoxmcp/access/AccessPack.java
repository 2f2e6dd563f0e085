package io.github.proxmoxmcp.access;

import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolPack;
import java.util.List;

/** Access control: users, groups, roles, ACLs, realms, API tokens, TFA, and effective permissions. */
public final class AccessPack implements ToolPack {

    @Override
    public String name() {
        return "access";
    }

    @Override
    public String summary() {
        return "Access control: users, groups, roles, ACLs, realms, API tokens, TFA, effective permissions";
    }

    @Override
    public List<ToolDefinition<?>> tools() {
        return List.of(
                UserGet.tool(),
                AccessGet.tool(),
                AclGet.tool(),
                AccessPermissions.tool(),
                UserManage.tool(),
                TfaManage.tool(),
                TokenManage.tool(),
                GroupManage.tool(),
                RoleManage.tool(),
                AclSet.tool(),
                RealmManage.tool(),
                RealmSync.tool());
    }
}
