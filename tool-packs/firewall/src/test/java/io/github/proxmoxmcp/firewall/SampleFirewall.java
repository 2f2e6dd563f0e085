package io.github.proxmoxmcp.firewall;

import io.github.proxmoxmcp.core.testing.PackCalls;
import java.util.Map;

/** The cluster the firewall tools resolve guests against: VM 100 on pve1, CT 101 on pve2. */
final class SampleFirewall {

    static final String RESOURCES = """
            [{"id":"qemu/100","vmid":100,"type":"qemu","name":"web1","node":"pve1","status":"running"},
             {"id":"lxc/101","vmid":"101","type":"lxc","name":"dns","node":"pve2","status":"running"}]""";

    static final String RULES = """
            [{"pos":0,"type":"in","action":"ACCEPT","proto":"tcp","dport":"443","enable":1,"comment":"https",
              "ipversion":4,"digest":"d41d8c"},
             {"pos":1,"type":"group","action":"webservers","enable":1,"digest":"d41d8c"},
             {"pos":2,"type":"in","action":"DROP","source":"+dc/blocklist","log":"info","enable":0,"digest":"d41d8c"}]""";

    private SampleFirewall() {
    }

    static void resources(PackCalls pack) {
        pack.proxmox().respond("GET", "/cluster/resources", Map.of("type", "vm"), RESOURCES);
    }
}
