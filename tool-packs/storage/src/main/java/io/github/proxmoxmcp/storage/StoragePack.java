package io.github.proxmoxmcp.storage;

import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolPack;
import java.util.List;

/** Storage: configuration and usage, content, getting images in, scans, node disks. */
public final class StoragePack implements ToolPack {

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public String summary() {
        return "Storages: usage, config, content, backups pruning, ISO/template download and upload, scans, node disks";
    }

    @Override
    public List<ToolDefinition<?>> tools() {
        return List.of(
                StorageList.tool(),
                StorageGet.tool(),
                StorageManage.tool(),
                ContentList.tool(),
                ContentGet.tool(),
                ContentManage.tool(),
                Prune.tool(),
                UrlInfo.tool(),
                Upload.tool(),
                Scan.tool(),
                DiskList.tool(),
                DiskSmart.tool(),
                DiskManage.tool(),
                DiskPrepare.tool());
    }
}
