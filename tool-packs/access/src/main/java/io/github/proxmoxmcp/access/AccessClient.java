package io.github.proxmoxmcp.access;

import io.github.proxmoxmcp.core.client.ProxmoxClientFilter;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.client.annotation.Client;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The {@code /access} part of the Proxmox API; methods mirror the official paths. */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface AccessClient {

    String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    // users

    @Get("/access/users{?params*}")
    Mono<PveResponse> users(Map<String, String> params);

    @Get("/access/users/{userid}")
    Mono<PveResponse> user(String userid);

    @Post(uri = "/access/users", produces = FORM)
    Mono<PveResponse> createUser(@Body Map<String, String> form);

    @Put(uri = "/access/users/{userid}", produces = FORM)
    Mono<PveResponse> updateUser(String userid, @Body Map<String, String> form);

    @Delete("/access/users/{userid}")
    Mono<PveResponse> deleteUser(String userid);

    @Put(uri = "/access/password", produces = FORM)
    Mono<PveResponse> changePassword(@Body Map<String, String> form);

    @Put(uri = "/access/users/{userid}/unlock-tfa", produces = FORM)
    Mono<PveResponse> unlockTfa(String userid, @Body Map<String, String> form);

    // API tokens

    @Get("/access/users/{userid}/token")
    Mono<PveResponse> tokens(String userid);

    @Get("/access/users/{userid}/token/{tokenid}")
    Mono<PveResponse> token(String userid, String tokenid);

    @Post(uri = "/access/users/{userid}/token/{tokenid}", produces = FORM)
    Mono<PveResponse> createToken(String userid, String tokenid, @Body Map<String, String> form);

    @Put(uri = "/access/users/{userid}/token/{tokenid}", produces = FORM)
    Mono<PveResponse> updateToken(String userid, String tokenid, @Body Map<String, String> form);

    @Delete("/access/users/{userid}/token/{tokenid}")
    Mono<PveResponse> deleteToken(String userid, String tokenid);

    // TFA

    @Get("/access/tfa")
    Mono<PveResponse> tfa();

    @Get("/access/tfa/{userid}")
    Mono<PveResponse> userTfa(String userid);

    @Delete("/access/tfa/{userid}/{id}")
    Mono<PveResponse> deleteTfa(String userid, String id);

    // groups

    @Get("/access/groups")
    Mono<PveResponse> groups();

    @Get("/access/groups/{groupid}")
    Mono<PveResponse> group(String groupid);

    @Post(uri = "/access/groups", produces = FORM)
    Mono<PveResponse> createGroup(@Body Map<String, String> form);

    @Put(uri = "/access/groups/{groupid}", produces = FORM)
    Mono<PveResponse> updateGroup(String groupid, @Body Map<String, String> form);

    @Delete("/access/groups/{groupid}")
    Mono<PveResponse> deleteGroup(String groupid);

    // roles

    @Get("/access/roles")
    Mono<PveResponse> roles();

    @Get("/access/roles/{roleid}")
    Mono<PveResponse> role(String roleid);

    @Post(uri = "/access/roles", produces = FORM)
    Mono<PveResponse> createRole(@Body Map<String, String> form);

    @Put(uri = "/access/roles/{roleid}", produces = FORM)
    Mono<PveResponse> updateRole(String roleid, @Body Map<String, String> form);

    @Delete("/access/roles/{roleid}")
    Mono<PveResponse> deleteRole(String roleid);

    // ACL

    @Get("/access/acl")
    Mono<PveResponse> acl();

    @Put(uri = "/access/acl", produces = FORM)
    Mono<PveResponse> updateAcl(@Body Map<String, String> form);

    // realms

    @Get("/access/domains")
    Mono<PveResponse> realms();

    @Get("/access/domains/{realm}")
    Mono<PveResponse> realm(String realm);

    @Post(uri = "/access/domains", produces = FORM)
    Mono<PveResponse> createRealm(@Body Map<String, String> form);

    @Put(uri = "/access/domains/{realm}", produces = FORM)
    Mono<PveResponse> updateRealm(String realm, @Body Map<String, String> form);

    @Delete("/access/domains/{realm}")
    Mono<PveResponse> deleteRealm(String realm);

    @Post(uri = "/access/domains/{realm}/sync", produces = FORM)
    Mono<PveResponse> syncRealm(String realm, @Body Map<String, String> form);

    // effective permissions

    @Get("/access/permissions{?params*}")
    Mono<PveResponse> permissions(Map<String, String> params);
}
