package io.github.proxmoxmcp.firewall;

import io.github.proxmoxmcp.core.client.ProxmoxClientFilter;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The firewall parts of the Proxmox API. Proxmox has one firewall model under several roots:
 * {@code root} is the path of one firewall ({@code cluster/firewall}, {@code nodes/{node}/firewall},
 * {@code nodes/{node}/{qemu|lxc}/{vmid}/firewall}, {@code cluster/sdn/vnets/{vnet}/firewall}) and
 * {@code rules} the path of one rule list (the root's {@code rules}, or
 * {@code cluster/firewall/groups/{group}} for a security group), as segments, each percent-encoded on its own.
 * Methods mirror the official paths below those roots. Query parameters are {@code @QueryValue}s: after an
 * exploded {@code {/root*}}, Micronaut's URI template starts a {@code {?params*}} query with '&' instead of '?'.
 */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface FirewallClient {

    String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    // rules, at any root, and of security groups

    @Get("{/rules*}")
    Mono<PveResponse> rules(List<String> rules);

    @Get("{/rules*}/{pos}")
    Mono<PveResponse> rule(List<String> rules, int pos);

    @Post(uri = "{/rules*}", produces = FORM)
    Mono<PveResponse> createRule(List<String> rules, @Body Map<String, String> form);

    @Put(uri = "{/rules*}/{pos}", produces = FORM)
    Mono<PveResponse> updateRule(List<String> rules, int pos, @Body Map<String, String> form);

    @Delete("{/rules*}/{pos}")
    Mono<PveResponse> deleteRule(List<String> rules, int pos, @Nullable @QueryValue String digest);

    // options

    @Get("{/root*}/options")
    Mono<PveResponse> options(List<String> root);

    @Put(uri = "{/root*}/options", produces = FORM)
    Mono<PveResponse> setOptions(List<String> root, @Body Map<String, String> form);

    // aliases (cluster and guests)

    @Get("{/root*}/aliases")
    Mono<PveResponse> aliases(List<String> root);

    @Get("{/root*}/aliases/{name}")
    Mono<PveResponse> alias(List<String> root, String name);

    @Post(uri = "{/root*}/aliases", produces = FORM)
    Mono<PveResponse> createAlias(List<String> root, @Body Map<String, String> form);

    @Put(uri = "{/root*}/aliases/{name}", produces = FORM)
    Mono<PveResponse> updateAlias(List<String> root, String name, @Body Map<String, String> form);

    @Delete("{/root*}/aliases/{name}")
    Mono<PveResponse> deleteAlias(List<String> root, String name, @Nullable @QueryValue String digest);

    // IP sets (cluster and guests) and their entries; the CIDR is the one segment that may hold a '/'

    @Get("{/root*}/ipset")
    Mono<PveResponse> ipsets(List<String> root);

    /** Creates a set, or renames one: Proxmox takes the existing name as {@code rename} and the new one as {@code name}. */
    @Post(uri = "{/root*}/ipset", produces = FORM)
    Mono<PveResponse> createIpset(List<String> root, @Body Map<String, String> form);

    /** @param force 1 to delete the entries too */
    @Delete("{/root*}/ipset/{name}")
    Mono<PveResponse> deleteIpset(List<String> root, String name, @Nullable @QueryValue Integer force);

    @Get("{/root*}/ipset/{name}")
    Mono<PveResponse> ipsetEntries(List<String> root, String name);

    @Post(uri = "{/root*}/ipset/{name}", produces = FORM)
    Mono<PveResponse> addEntry(List<String> root, String name, @Body Map<String, String> form);

    @Get("{/root*}/ipset/{name}/{cidr}")
    Mono<PveResponse> entry(List<String> root, String name, String cidr);

    @Put(uri = "{/root*}/ipset/{name}/{cidr}", produces = FORM)
    Mono<PveResponse> updateEntry(List<String> root, String name, String cidr, @Body Map<String, String> form);

    @Delete("{/root*}/ipset/{name}/{cidr}")
    Mono<PveResponse> removeEntry(List<String> root, String name, String cidr, @Nullable @QueryValue String digest);

    // references and logs (cluster/guests, nodes/guests)

    @Get("{/root*}/refs")
    Mono<PveResponse> refs(List<String> root);

    @Get("{/root*}/log")
    Mono<FirewallLogPage> log(List<String> root, @QueryValue long start, @QueryValue int limit, @Nullable @QueryValue Long since,
                              @Nullable @QueryValue Long until);

    // cluster-wide: security groups and macros

    @Get("/cluster/firewall/groups")
    Mono<PveResponse> groups();

    /** Creates a group, or renames one: Proxmox takes the existing name as {@code rename} and the new one as {@code group}. */
    @Post(uri = "/cluster/firewall/groups", produces = FORM)
    Mono<PveResponse> createGroup(@Body Map<String, String> form);

    @Delete("/cluster/firewall/groups/{group}")
    Mono<PveResponse> deleteGroup(String group);

    @Get("/cluster/firewall/macros")
    Mono<PveResponse> macros();
}
