package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.POOL;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.OptionKeys;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.client.ProxmoxConfiguration;
import io.github.proxmoxmcp.core.client.ProxmoxErrors;
import io.github.proxmoxmcp.core.guest.Guest;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.spi.Unlisted;
import io.github.proxmoxmcp.core.text.Format;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@code proxmox_guest_provision}: a ready VM from a cloud-init template in one call: clone, grow the boot
 * disk, set cloud-init user/keys/password/network, start, wait for the guest agent.
 */
final class GuestProvision {

    static final String DEFAULT_DISK = "64G";
    private static final java.util.regex.Pattern DISK_KEY = java.util.regex.Pattern.compile("(ide|sata|scsi|virtio)\\d+");
    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile("(?:^|,)size=(\\d+(?:\\.\\d+)?)([KMGT]?)");

    /** The keys of {@code set}: parameters of the clone, and cloud-init DNS parameters of the new VM's config. */
    static final OptionKeys SET = OptionKeys.of("set")
            .bool("full")
            .id("target", NODE)
            .id("storage", STORAGE)
            .id("pool", POOL)
            .text("nameserver", "[0-9A-Fa-f:.]+( [0-9A-Fa-f:.]+)*", "addresses separated by spaces, e.g. 1.1.1.1 9.9.9.9")
            .text("searchdomain", "[A-Za-z0-9.-]+( [A-Za-z0-9.-]+)*", "domains separated by spaces, e.g. example.com");

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer template,
            @PveId(NODE) String node,
            @PveId(VMID) Integer newid,
            String name,
            @JsonPropertyDescription("Min, default 64G") @Pattern(regexp = "\\d+[MGT]") String diskSize,
            @Min(value = 1, groups = Unlisted.class) Integer cores,
            @JsonPropertyDescription("MiB") @Min(value = 16, groups = Unlisted.class) Integer memory,
            String ciuser,
            String sshKeys,
            String password,
            @JsonPropertyDescription("CIDR or dhcp") String ip,
            String gw,
            Boolean start,
            @JsonPropertyDescription("0: skip") @Min(value = 0, groups = Unlisted.class) Integer agentTimeout,
            @JsonPropertyDescription("target, storage, full, nameserver...") Map<String, Object> set,
            @Min(value = 1, groups = Unlisted.class) Integer timeout) {
    }

    private GuestProvision() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_provision",
                "VM from a cloud-init template: clone, grow disk, user/keys/IP, start, await agent.",
                Input.class, ToolHints.WRITE, GuestProvision::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String ipconfig = CloudInit.ipConfig(input.ip(), input.gw());
        String sshkeys = input.sshKeys() == null ? null : CloudInit.sshKeys(input.sshKeys());
        String generated = sshkeys == null && input.password() == null ? CloudInit.password() : null;
        String password = generated != null ? generated : input.password();
        Map<String, String> set = new LinkedHashMap<>(SET.wire(input.set()));
        String target = set.remove("target");
        String storage = set.remove("storage");
        String full = set.containsKey("full") ? set.remove("full") : storage != null ? "1" : null;
        Map<String, String> placement = Params.create().put("full", full).put("target", target).put("storage", storage)
                .put("pool", set.remove("pool")).map();
        GuestClient client = context.bean(GuestClient.class);
        Steps steps = new Steps(context, Duration.ofSeconds(input.timeout() == null ? 300 : input.timeout()));
        GuestTarget template = new QemuTarget(input.template(), input.node());
        Mono<ToolResult> flow = GuestLocator.locate(template, context)
                .flatMap(tpl -> GuestNextId.orNext(input.newid(), context).flatMap(newid -> {
                    String node = target != null ? target : tpl.node();
                    Guest vm = new Guest(node, GuestType.qemu, newid, input.name(), null, false);
                    Map<String, String> cloneForm = Params.create()
                            .put("newid", newid)
                            .put("name", input.name())
                            .putAll(placement)
                            .map();
                    Map<String, String> config = Params.create()
                            .put("cores", input.cores())
                            .put("memory", input.memory())
                            .put("ciuser", input.ciuser())
                            .put("sshkeys", sshkeys)
                            .put("cipassword", password)
                            .put("ipconfig0", ipconfig)
                            .putAll(set)
                            .map();
                    return steps.task("clone of template " + tpl.vmid() + " to VM " + newid,
                                    client.clone(tpl.node(), "qemu", tpl.vmid(), cloneForm))
                            .then(Mono.defer(() -> growBootDisk(client, vm, input, steps)))
                            .then(Mono.defer(() -> config.isEmpty() ? Mono.empty()
                                    : steps.task("cloud-init " + summary(config), client.updateQemuConfig(node, newid, config))))
                            .then(Mono.defer(() -> Boolean.FALSE.equals(input.start()) ? Mono.empty()
                                    : steps.task("start", client.power(node, "qemu", newid, "start", Map.of()))
                                    .then(Mono.defer(() -> awaitAgent(client, vm, input, context, steps)))))
                            .then(Mono.fromSupplier(() -> ToolResult.ok("VM " + newid
                                    + (input.name() == null ? "" : " \"" + input.name() + "\"") + " on " + node
                                    + " provisioned from template " + tpl.vmid() + "\n" + steps.text()
                                    + (generated == null ? "" : "\npassword for " + (input.ciuser() == null ? "the default user"
                                    : input.ciuser()) + " (generated, shown once): " + generated))));
                }));
        return steps.finish(flow);
    }


    private static String summary(Map<String, String> config) {
        return "config (" + String.join(", ", config.keySet()) + ")";
    }

    /** Reads the clone's config, finds its boot disk and grows it to the requested size when smaller. */
    private static Mono<Void> growBootDisk(GuestClient client, Guest vm, Input input, Steps steps) {
        String wanted = input.diskSize() == null ? DEFAULT_DISK : input.diskSize();
        return client.config(vm.node(), "qemu", vm.vmid(), Map.of()).flatMap(response -> {
            JsonNode config = response.dataOrNull();
            Optional<String> disk = bootDisk(config);
            if (disk.isEmpty()) {
                steps.note("boot disk: none found, not resized");
                return Mono.empty();
            }
            long current = size(Json.text(config, disk.get(), ""));
            if (current >= bytes(wanted)) {
                steps.note("boot disk " + disk.get() + ": already " + Format.bytes(current) + ", not resized");
                return Mono.empty();
            }
            return steps.task("resize of " + disk.get() + " from " + Format.bytes(current) + " to " + wanted,
                    client.resize(vm.node(), "qemu", vm.vmid(), Params.create().put("disk", disk.get()).put("size", wanted).map()))
                    .then();
        });
    }

    /** The first disk in {@code boot: order=...}, else {@code bootdisk}, else the first disk present; never a CD-ROM. */
    static Optional<String> bootDisk(JsonNode config) {
        String boot = Json.text(config, "boot", "");
        Matcher order = java.util.regex.Pattern.compile("order=([^,]*)").matcher(boot);
        List<String> candidates = new java.util.ArrayList<>();
        if (order.find()) {
            candidates.addAll(List.of(order.group(1).split(";")));
        }
        Optional.ofNullable(Json.text(config, "bootdisk")).ifPresent(candidates::add);
        candidates.addAll(List.of("scsi0", "virtio0", "sata0", "ide0"));
        return candidates.stream()
                .filter(key -> DISK_KEY.matcher(key).matches())
                .filter(key -> {
                    String value = Json.text(config, key);
                    return value != null && !value.contains("media=cdrom") && !value.contains("cloudinit");
                })
                .findFirst();
    }

    static long size(String disk) {
        Matcher m = SIZE.matcher(disk);
        return m.find() ? bytes(m.group(1) + m.group(2)) : 0;
    }

    static long bytes(String size) {
        String unit = size.substring(size.length() - 1).toUpperCase(Locale.ROOT);
        int power = "KMGT".indexOf(unit) + 1;
        String number = power == 0 ? size : size.substring(0, size.length() - 1);
        return (long) (Double.parseDouble(number) * Math.pow(1024, power));
    }

    /** Polls the agent ping until it answers or the agent timeout runs out; never fails the flow. */
    private static Mono<Void> awaitAgent(GuestClient client, Guest vm, Input input, ToolContext context, Steps steps) {
        int seconds = input.agentTimeout() == null ? 180 : input.agentTimeout();
        if (seconds == 0) {
            return Mono.empty();
        }
        Duration interval = context.bean(ProxmoxConfiguration.class).taskPollInterval();
        long started = System.nanoTime();
        return Mono.defer(() -> client.agentPing(vm.node(), vm.vmid(), Map.of()))
                // Proxmox answers 500 while the agent is not up yet; anything else (403, 404...) will not get better.
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, interval).filter(GuestProvision::agentNotUpYet))
                .timeout(Duration.ofSeconds(seconds))
                .map(ok -> {
                    steps.note("guest agent: answering after " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + "s");
                    return true;
                })
                .onErrorResume(e -> {
                    steps.note(agentNotUpYet(e) || e instanceof java.util.concurrent.TimeoutException
                            ? "guest agent: no answer within " + seconds + "s (is qemu-guest-agent installed and agent=1?)"
                            : "guest agent: not checked: " + ProxmoxErrors.map(e, context.bean(JsonMapper.class)).userMessage());
                    return Mono.just(false);
                })
                .then();
    }

    private static boolean agentNotUpYet(Throwable failure) {
        return failure instanceof HttpClientResponseException response && response.code() == 500;
    }
}
