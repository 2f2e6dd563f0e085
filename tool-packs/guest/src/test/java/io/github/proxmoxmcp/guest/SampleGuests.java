package io.github.proxmoxmcp.guest;

import io.github.proxmoxmcp.core.testing.PackCalls;
import java.util.Map;

/** The cluster the guest tools resolve against: VM 100 running on pve1, CT 101 stopped on pve2, template 9000 on pve1. */
final class SampleGuests {

    static final String RESOURCES = """
            [{"id":"qemu/100","vmid":100,"type":"qemu","name":"web1","node":"pve1","status":"running",
              "cpu":0.05,"mem":1073741824,"maxmem":4294967296,"uptime":3600,"tags":"prod;web"},
             {"id":"lxc/101","vmid":"101","type":"lxc","name":"dns","node":"pve2","status":"stopped","maxmem":536870912},
             {"id":"qemu/9000","vmid":9000,"type":"qemu","name":"ubuntu-tpl","node":"pve1","status":"stopped",
              "template":1,"maxmem":2147483648}]""";

    private SampleGuests() {
    }

    /** Answers the guest listing with {@link #RESOURCES}. */
    static void resources(PackCalls pack) {
        pack.proxmox().respond("GET", "/cluster/resources", Map.of("type", "vm"), RESOURCES);
    }
}
