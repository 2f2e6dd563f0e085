package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.testing.PackAssertions.CONFIRM_REFUSAL;
import static io.github.proxmoxmcp.core.testing.PackAssertions.NOT_FOUND_HINT;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.TaskIds.encoded;
import static io.github.proxmoxmcp.core.testing.TaskIds.quoted;
import static io.github.proxmoxmcp.guest.SampleGuests.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Create, config, disks, NICs, mount points, tags, template, migrate. */
@MicronautTest
class GuestChangeToolTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    private static final String QEMU = "\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\",";
    private static final String LXC = "\"vmid\":101,\"node\":\"pve2\",\"type\":\"lxc\",";

    @Test
    void createVmAssemblesPropertyStrings() {
        pack.proxmox().respond("GET", "/cluster/nextid", "130");
        String upid = pack.finishedTask("pve1", "qmcreate", 130);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu", quoted(upid));

        assertOk("creation of VM 130 on pve1: task OK (" + upid + ")", pack.call("proxmox_guest_create_vm", """
                {"node":"pve1","name":"win","cores":4,"memory":8192,"storage":"local-lvm","diskSize":64,"iso":"local:iso/win11.iso",
                 "start":true,"set":{"sockets":1,"balloon":0,"cpu":"host","machine":"q35","bios":"ovmf","scsihw":"virtio-scsi-single",
                 "net0":"virtio,bridge=vmbr0,tag=20,firewall=1","agent":true,"ostype":"win11","tags":["lab","win"],"pool":"dev",
                 "onboot":true}}"""));
        assertEquals(List.of("GET /cluster/nextid", "POST /nodes/pve1/qemu",
                "GET /nodes/pve1/tasks/" + encoded(upid) + "/status"), pack.lines());
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("vmid", "130");
        expected.put("name", "win");
        expected.put("cores", "4");
        expected.put("sockets", "1");
        expected.put("memory", "8192");
        expected.put("balloon", "0");
        expected.put("cpu", "host");
        expected.put("machine", "q35");
        expected.put("bios", "ovmf");
        expected.put("efidisk0", "local-lvm:1,efitype=4m,pre-enrolled-keys=1");
        expected.put("scsihw", "virtio-scsi-single");
        expected.put("scsi0", "local-lvm:64");
        expected.put("ide2", "local:iso/win11.iso,media=cdrom");
        expected.put("net0", "virtio,bridge=vmbr0,tag=20,firewall=1");
        expected.put("agent", "enabled=1");
        expected.put("ostype", "win11");
        expected.put("tags", "lab;win");
        expected.put("pool", "dev");
        expected.put("onboot", "1");
        expected.put("start", "1");
        assertEquals(expected, pack.request(1).form());
    }

    @Test
    void createVmValidatesBeforeSending() {
        assertError("Invalid arguments: diskSize needs storage. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_create_vm", "{\"node\":\"pve1\",\"diskSize\":10}"));
        assertError("Invalid arguments: set.machine must be pc, q35, virt or a versioned type such as pc-q35-10.1 or "
                + "pc-i440fx-9.2+pve1; got 'test1'. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_create_vm", "{\"node\":\"pve1\",\"set\":{\"machine\":\"test1\"}}"));
        assertError("Invalid arguments: set.vlan is not a key of set; it takes [agent, balloon, bios, cpu, machine, net0, onboot, "
                + "ostype, pool, scsihw, sockets, tags]. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_create_vm", "{\"node\":\"pve1\",\"set\":{\"vlan\":20}}"));
        assertError("Invalid arguments: set.ostype must be one of [other, wxp, w2k, w2k3, w2k8, wvista, win7, win8, win10, win11, "
                + "l24, l26, solaris]; got 'linux'. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_create_vm", "{\"node\":\"pve1\",\"set\":{\"ostype\":\"linux\"}}"));
        assertError("Invalid arguments: give bridge or set.net0, not both. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_create_vm", "{\"node\":\"pve1\",\"bridge\":\"vmbr1\",\"set\":{\"net0\":\"e1000,bridge=vmbr0\"}}"));
        pack.assertNothingSent();
    }

    @Test
    void createCtBuildsRootfsNetAndFeatures() {
        String upid = pack.finishedTask("pve2", "vzcreate", 140);
        pack.proxmox().respond("POST", "/nodes/pve2/lxc", quoted(upid));

        assertOk("creation of CT 140 on pve2: task OK (" + upid + ")", pack.call("proxmox_guest_create_ct", """
                {"node":"pve2","vmid":140,"ostemplate":"local:vztmpl/debian-12.tar.zst","storage":"local-lvm","diskSize":16,
                 "hostname":"ct1","cores":2,"memory":1024,"ip":"10.0.0.9/24","gw":"10.0.0.1","sshKeys":"ssh-ed25519 AAAA a@b",
                 "password":"pw-secret","start":true,"set":{"swap":0,"unprivileged":true,"features":"nesting=1"}}"""));
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("vmid", "140");
        expected.put("ostemplate", "local:vztmpl/debian-12.tar.zst");
        expected.put("rootfs", "local-lvm:16");
        expected.put("hostname", "ct1");
        expected.put("cores", "2");
        expected.put("memory", "1024");
        expected.put("swap", "0");
        expected.put("net0", "name=eth0,bridge=vmbr0,ip=10.0.0.9/24,gw=10.0.0.1");
        expected.put("unprivileged", "1");
        expected.put("features", "nesting=1");
        expected.put("ssh-public-keys", "ssh-ed25519 AAAA a@b");
        expected.put("password", "pw-secret");
        expected.put("start", "1");
        assertEquals(expected, pack.request(0).form());
    }

    @Test
    void createCtNeedsTemplateAndStorage() {
        assertError("Invalid arguments: ostemplate: must not be null; storage: must not be null. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_create_ct", "{\"node\":\"pve2\"}"));
        assertError("Invalid arguments: set.features must be a property string such as nesting=1,keyctl=1; got 'nesting = 1'. "
                + "Nothing was sent to Proxmox.", pack.call("proxmox_guest_create_ct", """
                {"node":"pve2","ostemplate":"local:vztmpl/debian-12.tar.zst","storage":"local-lvm","set":{"features":"nesting = 1"}}"""));
        pack.assertNothingSent();
    }

    @Test
    void configUpdateOfQemuIsAnAsyncPost() {
        String upid = pack.finishedTask("pve1", "qmconfig", 100);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/config", quoted(upid));

        assertOk("config update of VM 100: task OK (" + upid + ")", pack.call("proxmox_guest_config_update",
                "{" + QEMU + "\"set\":{\"cores\":4,\"onboot\":true,\"sshkeys\":\"ssh-ed25519 K a@b\"},\"delete\":[\"ide2\",\"net1\"],"
                        + "\"digest\":\"abc\"}"));
        assertEquals(Map.of("cores", "4", "onboot", "1", "sshkeys", "ssh-ed25519%20K%20a%40b", "delete", "ide2,net1", "digest", "abc"),
                pack.request(0).form());
    }

    @Test
    void configUpdateOfLxcIsAPut() {
        pack.proxmox().respond("PUT", "/nodes/pve2/lxc/101/config", "null");

        assertOk("config update of CT 101: done", pack.call("proxmox_guest_config_update", "{" + LXC + "\"set\":{\"memory\":2048}}"));
        assertEquals(List.of("PUT /nodes/pve2/lxc/101/config"), pack.lines());
        assertEquals(Map.of("memory", "2048"), pack.request(0).form());
    }

    @Test
    void configUpdateWithNothingToDoSendsNothing() {
        assertError("Invalid arguments: give set, delete or revert. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_config_update", "{\"vmid\":100,\"set\":{}}"));
        pack.assertNothingSent();
    }

    @Test
    void configUpdateShowsFieldErrors() {
        pack.proxmox().fail("POST", "/nodes/pve1/qemu/100/config", 400, "Parameter verification failed.", Map.of("cores",
                "value must be >= 1"));

        assertError("Proxmox API error 400: Parameter verification failed.\n  cores: value must be >= 1",
                pack.call("proxmox_guest_config_update", "{" + QEMU + "\"set\":{\"cores\":0}}"));
    }

    @Test
    void diskResizeMoveAndUnlink() {
        String upid = pack.finishedTask("pve1", "qmresize", 100);
        pack.proxmox().respond("PUT", "/nodes/pve1/qemu/100/resize", quoted(upid));
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/move_disk", quoted(upid));
        pack.proxmox().respond("PUT", "/nodes/pve1/qemu/100/unlink", "null");
        pack.proxmox().respond("POST", "/nodes/pve2/lxc/101/move_volume", quoted(upid));

        assertOk("resize of VM 100 scsi0: task OK (" + upid + ")",
                pack.call("proxmox_guest_disk", "{" + QEMU + "\"action\":\"resize\",\"disk\":\"scsi0\",\"size\":\"+10G\"}"));
        assertOk("move of VM 100 scsi0 to ceph: task OK (" + upid + ")", pack.call("proxmox_guest_disk",
                "{" + QEMU + "\"action\":\"move\",\"disk\":\"scsi0\",\"storage\":\"ceph\",\"options\":{\"delete\":true,\"format\":\"raw\"}}"));
        assertOk("unlink of VM 100 unused0: done",
                pack.call("proxmox_guest_disk", "{" + QEMU + "\"action\":\"unlink\",\"disk\":\"unused0\"}"));
        assertOk("move of CT 101 mp0 to ceph: task OK (" + upid + ")",
                pack.call("proxmox_guest_disk", "{" + LXC + "\"action\":\"move\",\"disk\":\"mp0\",\"storage\":\"ceph\"}"));
        var sent = pack.proxmox().requests().stream().filter(r -> !r.path().contains("/tasks/")).toList();
        assertEquals(List.of("PUT /nodes/pve1/qemu/100/resize", "POST /nodes/pve1/qemu/100/move_disk", "PUT /nodes/pve1/qemu/100/unlink",
                "POST /nodes/pve2/lxc/101/move_volume"), sent.stream().map(r -> r.line()).toList());
        assertEquals(Map.of("disk", "scsi0", "size", "+10G"), sent.get(0).form());
        assertEquals(Map.of("disk", "scsi0", "storage", "ceph", "delete", "1", "format", "raw"), sent.get(1).form());
        assertEquals(Map.of("idlist", "unused0"), sent.get(2).form());
        assertEquals(Map.of("volume", "mp0", "storage", "ceph"), sent.get(3).form());
    }


    @Test
    void diskUnlinkWithForceNeedsConfirmAndMissingFieldsSendNothing() {
        assertError("proxmox_guest_disk" + CONFIRM_REFUSAL,
                pack.call("proxmox_guest_disk", "{" + QEMU + "\"action\":\"unlink\",\"disk\":\"scsi1\",\"options\":{\"force\":true}}"));
        assertError("Invalid arguments: size is required for action=resize. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_disk", "{" + QEMU + "\"action\":\"resize\",\"disk\":\"scsi0\"}"));
        assertError("Invalid arguments: storage is required for action=move. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_disk", "{" + QEMU + "\"action\":\"move\",\"disk\":\"scsi0\"}"));
        pack.assertNothingSent();

        pack.proxmox().respond("PUT", "/nodes/pve1/qemu/100/unlink", "null");
        assertOk("unlink of VM 100 scsi1: done", pack.call("proxmox_guest_disk",
                "{" + QEMU + "\"action\":\"unlink\",\"disk\":\"scsi1\",\"options\":{\"force\":true},\"confirm\":true}"));
        assertEquals(Map.of("idlist", "scsi1", "force", "1"), pack.request(0).form());
    }

    @Test
    void diskKeysMustSuitTheGuestTypeAndNothingIsSentOtherwise() {
        assertError("Invalid arguments: scsi0 is not a container volume for resize: use rootfs or mpN. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_disk", "{" + LXC + "\"action\":\"resize\",\"disk\":\"scsi0\",\"size\":\"+1G\"}"));
        assertError("Invalid arguments: scsi0 is not a container volume for move: use rootfs or mpN (or unusedN). "
                + "Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_disk", "{" + LXC + "\"action\":\"move\",\"disk\":\"scsi0\",\"storage\":\"local\"}"));
        assertError("Invalid arguments: rootfs is not a VM disk key for resize: use scsiN, virtioN, sataN, ideN, efidisk0 or tpmstate0. "
                + "Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_disk", "{" + QEMU + "\"action\":\"resize\",\"disk\":\"rootfs\",\"size\":\"+1G\"}"));
        assertError("Invalid arguments: unused0 is not a VM disk key for resize: use scsiN, virtioN, sataN, ideN, efidisk0 or tpmstate0. "
                + "Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_disk", "{" + QEMU + "\"action\":\"resize\",\"disk\":\"unused0\",\"size\":\"+1G\"}"));
        pack.assertNothingSent();
    }

    @Test
    void nicSetAndRemove() {
        String upid = pack.finishedTask("pve1", "qmconfig", 100);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/config", quoted(upid));
        pack.proxmox().respond("PUT", "/nodes/pve2/lxc/101/config", "null");
        pack.proxmox().respond("GET", "/nodes/pve2/lxc/101/config", "{\"hostname\":\"dns\"}");

        assertOk("set net1 of VM 100: task OK (" + upid + ")", pack.call("proxmox_guest_nic",
                "{" + QEMU + "\"action\":\"set\",\"index\":1,\"bridge\":\"vmbr1\",\"set\":{\"macaddr\":\"BC:24:11:00:00:02\","
                        + "\"tag\":30,\"firewall\":false,\"mtu\":9000,\"rate\":12.5}}"));
        assertOk("set net0 of CT 101: done", pack.call("proxmox_guest_nic",
                "{" + LXC + "\"action\":\"set\",\"index\":0,\"bridge\":\"vmbr0\",\"set\":{\"ip\":\"dhcp\",\"firewall\":true}}"));
        assertOk("removal of net1 of VM 100: task OK (" + upid + ")",
                pack.call("proxmox_guest_nic", "{" + QEMU + "\"action\":\"remove\",\"index\":1}"));
        var sent = pack.proxmox().requests().stream().filter(r -> !r.path().contains("/tasks/")).toList();
        assertEquals(List.of("POST /nodes/pve1/qemu/100/config", "GET /nodes/pve2/lxc/101/config", "PUT /nodes/pve2/lxc/101/config",
                "POST /nodes/pve1/qemu/100/config"), sent.stream().map(r -> r.line()).toList());
        assertEquals(Map.of("net1", "virtio=BC:24:11:00:00:02,bridge=vmbr1,tag=30,firewall=0,mtu=9000,rate=12.5"), sent.get(0).form());
        assertEquals(Map.of("net0", "name=eth0,bridge=vmbr0,ip=dhcp,firewall=1"), sent.get(2).form());
        assertEquals(Map.of("delete", "net1"), sent.get(3).form());
    }

    @Test
    void nicSetKeepsTheCurrentMacUnlessOneIsGiven() {
        String upid = pack.finishedTask("pve1", "qmconfig", 100);
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/config",
                "{\"net0\":\"virtio=BC:24:11:4E:86:E0,bridge=vmbr0,firewall=1\",\"net1\":\"e1000=BC:24:11:00:00:09,bridge=vmbr1\"}");
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/config", quoted(upid));
        pack.proxmox().respond("GET", "/nodes/pve2/lxc/101/config",
                "{\"net0\":\"name=eth0,bridge=vmbr0,hwaddr=BC:24:11:AA:BB:CC,ip=dhcp,type=veth\"}");
        pack.proxmox().respond("PUT", "/nodes/pve2/lxc/101/config", "null");

        assertOk("set net0 of VM 100 (kept MAC BC:24:11:4E:86:E0): task OK (" + upid + ")", pack.call("proxmox_guest_nic",
                "{" + QEMU + "\"action\":\"set\",\"index\":0,\"bridge\":\"vmbr2\",\"set\":{\"tag\":40}}"));
        assertOk("set net0 of CT 101 (kept MAC BC:24:11:AA:BB:CC): done", pack.call("proxmox_guest_nic",
                "{" + LXC + "\"action\":\"set\",\"index\":0,\"bridge\":\"vmbr1\",\"set\":{\"ip\":\"10.0.0.5/24\",\"gw\":\"10.0.0.1\"}}"));
        assertOk("set net5 of VM 100: task OK (" + upid + ")", pack.call("proxmox_guest_nic",
                "{" + QEMU + "\"action\":\"set\",\"index\":5,\"bridge\":\"vmbr0\"}"));

        var sent = pack.proxmox().requests().stream().filter(r -> !r.path().contains("/tasks/")).toList();
        assertEquals(List.of("GET /nodes/pve1/qemu/100/config", "POST /nodes/pve1/qemu/100/config",
                "GET /nodes/pve2/lxc/101/config", "PUT /nodes/pve2/lxc/101/config",
                "GET /nodes/pve1/qemu/100/config", "POST /nodes/pve1/qemu/100/config"),
                sent.stream().map(r -> r.line()).toList());
        assertEquals(Map.of("net0", "virtio=BC:24:11:4E:86:E0,bridge=vmbr2,tag=40"), sent.get(1).form());
        assertEquals(Map.of("net0", "name=eth0,hwaddr=BC:24:11:AA:BB:CC,bridge=vmbr1,ip=10.0.0.5/24,gw=10.0.0.1"), sent.get(3).form());
        assertEquals(Map.of("net5", "virtio,bridge=vmbr0"), sent.get(5).form());
    }

    @Test
    void nicSetNeedsABridge() {
        assertError("Invalid arguments: bridge is required for action=set. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_nic", "{\"vmid\":100,\"action\":\"set\",\"index\":0}"));
        pack.assertNothingSent();
    }

    @Test
    void nicSetKeysSuitTheGuestTypeAndBadOnesSendNothing() {
        assertError("Invalid arguments: set.ip is not a key of set for a VM; it takes [firewall, link_down, macaddr, model, mtu, "
                + "queues, rate, tag, trunks]. Nothing was sent to Proxmox.", pack.call("proxmox_guest_nic",
                "{" + QEMU + "\"action\":\"set\",\"index\":1,\"bridge\":\"vmbr1\",\"set\":{\"ip\":\"dhcp\"}}"));
        assertError("Invalid arguments: set.model is not a key of set for a container; it takes [firewall, gw, gw6, hwaddr, ip, "
                + "ip6, link_down, mtu, name, rate, tag, trunks]. Nothing was sent to Proxmox.", pack.call("proxmox_guest_nic",
                "{" + LXC + "\"action\":\"set\",\"index\":1,\"bridge\":\"vmbr1\",\"set\":{\"model\":\"e1000\"}}"));
        assertError("Invalid arguments: set.tag must be a whole number from 1 to 4094; got '5000'. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_nic", "{\"vmid\":100,\"action\":\"set\",\"index\":1,\"bridge\":\"vmbr1\","
                        + "\"set\":{\"tag\":5000}}"));
        assertError("Invalid arguments: set is for action=set. Nothing was sent to Proxmox.", pack.call("proxmox_guest_nic",
                "{\"vmid\":100,\"action\":\"remove\",\"index\":1,\"set\":{\"tag\":10}}"));
        pack.assertNothingSent();
    }

    @Test
    void mountPointSetAndRemove() {
        resources(pack);
        pack.proxmox().respond("PUT", "/nodes/pve2/lxc/101/config", "null");

        assertOk("set mp0 of CT 101", pack.call("proxmox_guest_mountpoint",
                "{\"vmid\":101,\"action\":\"set\",\"index\":0,\"storage\":\"local-lvm\",\"size\":32,\"path\":\"/srv/data\",\"set\":{\"backup\":true}}"));
        assertOk("removed mp0 of CT 101", pack.call("proxmox_guest_mountpoint",
                "{\"vmid\":101,\"node\":\"pve2\",\"action\":\"remove\",\"index\":0}"));
        assertEquals(List.of("GET /cluster/resources", "PUT /nodes/pve2/lxc/101/config", "PUT /nodes/pve2/lxc/101/config"), pack.lines());
        assertEquals(Map.of("mp0", "local-lvm:32,mp=/srv/data,backup=1"), pack.request(1).form());
        assertError("Invalid arguments: set.readonly is not a key of set; it takes [acl, backup, keepattrs, mountoptions, quota, "
                + "replicate, ro, shared]. Nothing was sent to Proxmox.", pack.call("proxmox_guest_mountpoint",
                "{\"vmid\":101,\"action\":\"set\",\"index\":1,\"volume\":\"/mnt/data\",\"path\":\"/data\",\"set\":{\"readonly\":true}}"));
        assertEquals(Map.of("delete", "mp0"), pack.request(2).form());
    }

    @Test
    void mountPointOnAVmIsRefusedAndBadInputSendsNothing() {
        assertError("Invalid arguments: give either storage and size, or volume. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_mountpoint",
                "{\"vmid\":101,\"action\":\"set\",\"index\":0,\"path\":\"/x\"}"));
        pack.assertNothingSent();
        resources(pack);
        assertError("Not found: VMID 100 is qemu, not lxc\n" + NOT_FOUND_HINT,
                pack.call("proxmox_guest_mountpoint", "{\"vmid\":100,\"action\":\"remove\",\"index\":0}"));
    }

    @Test
    void tagsMergeWithTheCurrentOnes() {
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/config", "{\"tags\":\"prod;web\"}");
        pack.proxmox().respond("PUT", "/nodes/pve1/qemu/100/config", "null");

        assertOk("VM 100 updated: tags prod,db, protection on", pack.call("proxmox_guest_tags",
                "{" + QEMU + "\"add\":[\"db\"],\"remove\":[\"web\"],\"protection\":true}"));
        assertEquals(List.of("GET /nodes/pve1/qemu/100/config", "PUT /nodes/pve1/qemu/100/config"), pack.lines());
        assertEquals(Map.of("tags", "prod;db", "protection", "1"), pack.request(1).form());
    }

    @Test
    void tagsRemovingTheLastDeletesTheKey() {
        pack.proxmox().respond("GET", "/nodes/pve2/lxc/101/config", "{\"tags\":\"old\"}");
        pack.proxmox().respond("PUT", "/nodes/pve2/lxc/101/config", "null");

        assertOk("CT 101 updated: tags (none)", pack.call("proxmox_guest_tags", "{" + LXC + "\"remove\":[\"old\"]}"));
        assertEquals(Map.of("delete", "tags"), pack.request(1).form());
        assertError("Invalid arguments: give add, remove or protection. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_tags", "{\"vmid\":101}"));
    }

    @Test
    void templateNeedsConfirm() {
        assertError("proxmox_guest_template" + CONFIRM_REFUSAL, pack.call("proxmox_guest_template", "{\"vmid\":100}"));
        pack.assertNothingSent();

        String upid = pack.finishedTask("pve1", "qmtemplate", 100);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/template", quoted(upid));
        assertOk("conversion of VM 100 to a template: task OK (" + upid + ")",
                pack.call("proxmox_guest_template", "{" + QEMU + "\"confirm\":true}"));
        assertEquals(Map.of(), pack.request(0).form());
    }

    @Test
    void migrateQemuOnlineWithLocalDisks() {
        resources(pack);
        String upid = pack.finishedTask("pve1", "qmigrate", 100);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/migrate", quoted(upid));

        assertOk("migration of VM 100 from pve1 to pve2: task OK (" + upid + ")", pack.call("proxmox_guest_migrate",
                "{\"vmid\":100,\"target\":\"pve2\",\"online\":true,\"options\":{\"with-local-disks\":true,\"targetstorage\":\"local-lvm\"}}"));
        assertEquals(Map.of("target", "pve2", "online", "1", "with-local-disks", "1", "targetstorage", "local-lvm"),
                pack.request(1).form());
    }

    @Test
    void migrateLxcByRestart() {
        String upid = pack.finishedTask("pve2", "vzmigrate", 101);
        pack.proxmox().respond("POST", "/nodes/pve2/lxc/101/migrate", quoted(upid));

        assertOk("migration of CT 101 from pve2 to pve1: task OK (" + upid + ")", pack.call("proxmox_guest_migrate",
                "{" + LXC + "\"target\":\"pve1\",\"options\":{\"restart\":true,\"timeout\":120}}"));
        assertEquals(Map.of("target", "pve1", "restart", "1", "timeout", "120"), pack.request(0).form());
        pack.proxmox().reset();
        assertError("Invalid arguments: options.with-local-disks is not a key of options for a container; it takes [bwlimit, "
                + "restart, target-storage, timeout]. Nothing was sent to Proxmox.", pack.call("proxmox_guest_migrate",
                "{" + LXC + "\"target\":\"pve1\",\"options\":{\"with-local-disks\":true}}"));
        pack.assertNothingSent();
        assertError("Invalid arguments: target: must not be null. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_migrate", "{\"vmid\":101}"));
    }
}
