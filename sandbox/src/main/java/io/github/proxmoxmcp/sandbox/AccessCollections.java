package io.github.proxmoxmcp.sandbox;

import io.github.proxmoxmcp.sandbox.ConfigCollection.Op;
import io.github.proxmoxmcp.sandbox.ConfigCollection.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Access control (pve-access-control): users, groups, roles (the built-in ones of the PVE version and custom ones),
 * API tokens, ACLs and authentication realms.
 */
final class AccessCollections {

    static final String USERS = "/access/users";
    static final String GROUPS = "/access/groups";
    static final String ROLES = "/access/roles";
    static final String ACL = "/access/acl";
    static final String DOMAINS = "/access/domains";
    static final String PERMISSIONS = "/access/permissions";
    static final String TFA = "/access/tfa";
    /** The paths get_effective_permissions always looks at, besides the ACL paths and the pool members. */
    private static final List<String> TOP_PATHS = List.of("/", "/access", "/access/groups", "/nodes", "/pool", "/sdn",
            "/storage", "/vms");
    private static final String USER_FIELDS = "enable:bool expire:int(0..) firstname lastname email:email comment keys";

    private AccessCollections() {
    }

    static void register(Router r, Cluster c) {
        r.get("/access", "", q -> NodeApi.names("acl", "domains", "groups", "openid", "password", "permissions", "roles",
                "tfa", "ticket", "users"));
        ConfigCollection users = ConfigCollection.keyed(USERS, "userid:pve-userid")
                .fields(USER_FIELDS + " groups password!")
                .params(Op.LIST, "enabled:bool full:bool").params(Op.UPDATE, "append:bool")
                .noDelete().storedDefaults("enable=1").insert(ConfigCollection.Insert.SORTED).quietDelete()
                .filter("", (q, row) -> !q.has("enabled") || q.flag("enabled") == Request.isTrue(row.get("enable")))
                .duplicate(Refusal.fail("user '{id}' already exists"))
                .missing(Refusal.fail("no such user ('{id}')"))
                .failures("create user failed: ", "update user failed: ", "delete user failed: ")
                .validate(w -> {
                    String groups = w.request().str("groups");
                    Map<String, String> item = w.item();
                    item.remove("groups");
                    item.remove("password");
                    if (w.before() == null && "0".equals(item.get("expire"))) {
                        item.remove("expire");
                    }
                    if (groups != null) {
                        for (String group : GuestApi.splitList(groups)) {
                            if (groupRow(c, group) == null) {
                                throw ApiException.fail((w.before() == null ? "create" : "update") + " user failed: no such group '"
                                        + group + "'");
                            }
                        }
                    }
                })
                .afterCreate(w -> setMembership(c, w.id(), GuestApi.splitList(w.request().str("groups")), true))
                .afterUpdate(w -> {
                    if (w.request().has("groups")) {
                        setMembership(c, w.id(), GuestApi.splitList(w.request().str("groups")), w.request().flag("append"));
                    }
                })
                .afterDelete(w -> {
                    setMembership(c, w.id(), List.of(), false);
                    c.tables.table(ACL, null).rows.removeIf(acl -> acl.get("ugid").equals(w.id())
                            || acl.get("ugid").startsWith(w.id() + "!"));
                    c.tables.remove(USERS + "/" + w.id() + "/token");
                    c.tables.remove(TFA + "/" + w.id());
                })
                .view((q, row, out) -> {
                    String id = row.get("userid");
                    boolean list = q.path.equals(USERS);
                    List<String> groups = groupsOf(c, id);
                    if (list) {
                        if (q.flag("full")) {
                            out.put("groups", String.join(",", groups));
                            out.put("tokens", tokens(c, id));
                        }
                        Map<String, String> realm = realm(c, id.substring(id.lastIndexOf('@') + 1));
                        if (realm != null) {
                            out.put("realm-type", realm.get("type"));
                        }
                    } else {
                        out.remove("userid");
                        out.put("groups", groups);
                        Map<String, Object> byId = new TreeMap<>();
                        tokens(c, id).forEach(t -> {
                            Map<String, Object> info = new LinkedHashMap<>(t);
                            byId.put((String) info.remove("tokenid"), info);
                        });
                        out.put("tokens", byId);
                    }
                })
                .register(r, c);

        ConfigCollection.keyed(GROUPS, "groupid:pve-groupid").fields("comment")
                .noDelete().insert(ConfigCollection.Insert.SORTED)
                .duplicate(Refusal.fail("group '{id}' already exists"))
                .missing(Refusal.fail("group '{id}' does not exist"))
                .failures("create group failed: ", "update group failed: ", "delete group failed: ")
                .view((q, row, out) -> {
                    List<String> members = GuestApi.splitList(row.getOrDefault("users", ""));
                    out.remove("users");
                    if (q.path.equals(GROUPS)) {
                        out.put("users", String.join(",", members));
                    } else {
                        out.remove("groupid");
                        out.put("members", members);
                    }
                })
                .afterDelete(w -> c.tables.table(ACL, null).rows.removeIf(acl -> acl.get("type").equals("group")
                        && acl.get("ugid").equals(w.id())))
                .register(r, c);

        ConfigCollection.keyed(ROLES, "roleid:pve-roleid").fields("privs").params(Op.UPDATE, "append:bool")
                .noDelete().insert(ConfigCollection.Insert.SORTED)
                .duplicate(Refusal.fail("role '{id}' already exists"))
                .missing(Refusal.fail("role '{id}' does not exist"))
                .failures("create role failed: ", "update role failed: ", "delete role failed: ")
                .validate(w -> {
                    String id = w.id();
                    if (w.before() == null && id.toLowerCase(Locale.ROOT).startsWith("pve")) {
                        throw ApiException.parameter("roleid", "cannot use role ID starting with the (case-insensitive) 'PVE' namespace");
                    }
                    if (w.before() != null && "1".equals(w.before().get("special"))) {
                        throw ApiException.fail("auto-generated role '" + id + "' cannot be modified");
                    }
                    TreeSet<String> privs = new TreeSet<>();
                    if (w.before() != null && w.request().flag("append")) {
                        privs.addAll(GuestApi.splitList(w.before().getOrDefault("privs", "")));
                    }
                    for (String priv : GuestApi.splitList(w.request().str("privs"))) {
                        if (!privileges(c).contains(priv)) {
                            throw ApiException.fail((w.before() == null ? "create" : "update") + " role failed: invalid privilege '"
                                    + priv + "'");
                        }
                        privs.add(priv);
                    }
                    w.item().put("privs", String.join(",", privs));
                })
                .beforeDelete(w -> {
                    if ("1".equals(w.before().get("special"))) {
                        throw ApiException.fail("auto-generated role '" + w.id() + "' cannot be deleted");
                    }
                })
                .shows("special:bool")
                .view((q, row, out) -> {
                    out.putIfAbsent("special", 0);
                    if (!q.path.equals(ROLES)) {
                        Map<String, Object> privs = new TreeMap<>();
                        GuestApi.splitList(row.getOrDefault("privs", "")).forEach(p -> privs.put(p, 1));
                        out.clear();
                        out.putAll(privs);
                    }
                })
                .register(r, c);

        ConfigCollection tokens = ConfigCollection.keyed(USERS + "/{userid}/token", USERS + "/{userid}/token/{tokenid}",
                        "tokenid:pve-token-subid")
                .createAtItem().fields("comment expire:int(0..) privsep:bool").params(Op.UPDATE, "regenerate:bool")
                .storedDefaults("privsep=1").insert(ConfigCollection.Insert.SORTED)
                .within(q -> {
                    if (userRow(c, q.var("userid")) == null) {
                        throw ApiException.fail("no such user ('" + q.var("userid") + "')");
                    }
                })
                .duplicate(Refusal.param("tokenid", "Token already exists."))
                .missing(Refusal.fail("no such token '{id}' for user '{userid}'"))
                .failures(null, "updating token info failed: ", "deleting token failed: ")
                .deleteRefusals(Refusal.param("delete", "unknown option '{key}'"), Refusal.param("delete", "unknown option '{key}'"), null)
                .view((q, row, out) -> {
                    if (!q.path.endsWith("/token")) {
                        out.remove("tokenid");
                    }
                })
                .created(w -> {
                    Map<String, Object> info = new LinkedHashMap<>();
                    w.item().forEach((k, v) -> {
                        if (!k.equals("tokenid")) {
                            info.put(k, k.equals("comment") ? v : Long.parseLong(v));
                        }
                    });
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("full-tokenid", w.request().var("userid") + "!" + w.id());
                    m.put("info", info);
                    m.put("value", c.uuid());
                    return m;
                })
                .updated(w -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    w.item().forEach((k, v) -> {
                        if (!k.equals("tokenid")) {
                            m.put(k, k.equals("comment") ? v : Long.parseLong(v));
                        }
                    });
                    if (w.request().flag("regenerate")) {
                        m.put("full-tokenid", w.request().var("userid") + "!" + w.id());
                        m.put("value", c.uuid());
                    }
                    return m;
                })
                .afterDelete(w -> c.tables.table(ACL, null).rows.removeIf(acl -> acl.get("type").equals("token")
                        && acl.get("ugid").equals(w.request().var("userid") + "!" + w.id())))
                .register(r, c);

        r.get(ACL, "", q -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, String> row : c.tables.table(ACL, null).rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", row.get("path"));
                m.put("type", row.get("type"));
                m.put("ugid", row.get("ugid"));
                m.put("roleid", row.get("roleid"));
                m.put("propagate", Long.parseLong(row.get("propagate")));
                out.add(m);
            }
            return out;
        });
        r.put(ACL, "path* roles* propagate:bool users groups tokens delete:bool", q -> updateAcl(c, tokens, q));
        r.get(PERMISSIONS, "userid path", q -> permissions(c, tokens, q));

        r.get(TFA, "", q -> {
            List<Map<String, Object>> out = new ArrayList<>();
            new TreeSet<>(tfaUsers(c)).forEach(user -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("userid", user);
                m.put("entries", tfaEntries(c, user));
                out.add(m);
            });
            return out;
        });
        r.get(TFA + "/{userid}", "", q -> tfaEntries(c, existingUser(c, q.var("userid"))));
        r.delete(TFA + "/{userid}/{id}", "password", q -> {
            Tables.Table table = c.tables.find(TFA + "/" + existingUser(c, q.var("userid")));
            if (table == null || !table.rows.removeIf(row -> row.get("id").equals(q.var("id")))) {
                throw ApiException.fail("no such entry: " + q.var("userid") + "/" + q.var("id"));
            }
            if (table.rows.isEmpty()) {
                c.tables.remove(TFA + "/" + q.var("userid"));
                userRow(c, q.var("userid")).remove("keys");
            }
            return null;
        });

        ConfigCollection.keyed(DOMAINS, "realm:pve-realm")
                .fields("type*:ad|ldap|openid|pam|pve comment default:bool tfa")
                .typed("type", "pam:", "pve:",
                        "ldap: server1* server2 port:int(1..65535) base_dn* user_attr* bind_dn password! mode:ldap|ldaps|ldap+starttls "
                                + "verify:bool case-sensitive:bool filter group_dn sync-defaults-options",
                        "ad: server1* server2 port:int(1..65535) domain* base_dn bind_dn password! mode:ldap|ldaps|ldap+starttls "
                                + "verify:bool case-sensitive:bool",
                        "openid: issuer-url* client-id* client-key! autocreate:bool username-claim scopes prompt")
                .params(Op.CREATE, "check-connection:bool").params(Op.UPDATE, "check-connection:bool")
                .fixed("type").insert(ConfigCollection.Insert.SORTED).digest()
                .duplicate(Refusal.fail("domain '{id}' already exists"))
                .missing(Refusal.fail("domain '{id}' does not exist"))
                .failures("add auth server failed: ", "update auth server failed: ", "delete auth server failed: ")
                .validate(w -> {
                    if (w.before() == null && List.of("pam", "pve").contains(w.id())) {
                        throw ApiException.fail("add auth server failed: unable to use reserved name '" + w.id() + "'");
                    }
                    if (w.before() == null && List.of("pam", "pve").contains(w.item().get("type"))) {
                        throw ApiException.fail("add auth server failed: unable to create builtin type '" + w.item().get("type") + "'");
                    }
                })
                .view((q, row, out) -> {
                    if (q.path.equals(DOMAINS)) {
                        out.keySet().retainAll(List.of("realm", "type", "comment", "default", "tfa"));
                    }
                })
                .register(r, c);
        RealmSync.register(r, c);
        seed(c);
    }

    // ---- helpers ----

    private static Map<String, String> find(Cluster c, String table, String field, String id) {
        for (Map<String, String> row : c.tables.table(table, null).rows) {
            if (row.get(field).equals(id)) {
                return row;
            }
        }
        return null;
    }

    private static Map<String, String> userRow(Cluster c, String userid) {
        return find(c, USERS, "userid", userid);
    }

    private static Map<String, String> groupRow(Cluster c, String group) {
        return find(c, GROUPS, "groupid", group);
    }

    private static Map<String, String> realm(Cluster c, String realm) {
        return find(c, DOMAINS, "realm", realm);
    }

    private static List<String> groupsOf(Cluster c, String userid) {
        List<String> out = new ArrayList<>();
        for (Map<String, String> group : c.tables.table(GROUPS, null).rows) {
            if (GuestApi.splitList(group.getOrDefault("users", "")).contains(userid)) {
                out.add(group.get("groupid"));
            }
        }
        out.sort(null);
        return out;
    }

    /** Puts the user in exactly these groups, or adds them with {@code append}. */
    private static void setMembership(Cluster c, String userid, List<String> groups, boolean append) {
        for (Map<String, String> group : c.tables.table(GROUPS, null).rows) {
            TreeSet<String> members = new TreeSet<>(GuestApi.splitList(group.getOrDefault("users", "")));
            if (groups.contains(group.get("groupid"))) {
                members.add(userid);
            } else if (!append) {
                members.remove(userid);
            }
            group.put("users", String.join(",", members));
        }
    }

    private static List<Map<String, Object>> tokens(Cluster c, String userid) {
        List<Map<String, Object>> out = new ArrayList<>();
        Tables.Table table = c.tables.find(USERS + "/" + userid + "/token");
        if (table != null) {
            for (Map<String, String> row : table.rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                row.forEach((k, v) -> m.put(k, k.equals("tokenid") || k.equals("comment") ? v : Long.parseLong(v)));
                out.add(m);
            }
        }
        return out;
    }

    /** The privileges that exist on this PVE version (PVE 9 replaced VM.Monitor with the VM.GuestAgent.* ones). */
    static List<String> privileges(Cluster c) {
        List<String> vm = c.pve.major() >= 9
                ? List.of("VM.Allocate", "VM.Audit", "VM.Backup", "VM.Clone", "VM.Config.CDROM", "VM.Config.CPU",
                        "VM.Config.Cloudinit", "VM.Config.Disk", "VM.Config.HWType", "VM.Config.Memory", "VM.Config.Network",
                        "VM.Config.Options", "VM.Console", "VM.GuestAgent.Audit", "VM.GuestAgent.FileRead",
                        "VM.GuestAgent.FileSystemMgmt", "VM.GuestAgent.FileWrite", "VM.GuestAgent.Unrestricted", "VM.Migrate",
                        "VM.PowerMgmt", "VM.Replicate", "VM.Snapshot", "VM.Snapshot.Rollback")
                : List.of("VM.Allocate", "VM.Audit", "VM.Backup", "VM.Clone", "VM.Config.CDROM", "VM.Config.CPU",
                        "VM.Config.Cloudinit", "VM.Config.Disk", "VM.Config.HWType", "VM.Config.Memory", "VM.Config.Network",
                        "VM.Config.Options", "VM.Console", "VM.Migrate", "VM.Monitor", "VM.PowerMgmt", "VM.Snapshot",
                        "VM.Snapshot.Rollback");
        List<String> all = new ArrayList<>(vm);
        all.addAll(List.of("Datastore.Allocate", "Datastore.AllocateSpace", "Datastore.AllocateTemplate", "Datastore.Audit",
                "Group.Allocate", "Mapping.Audit", "Mapping.Modify", "Mapping.Use", "Permissions.Modify", "Pool.Allocate",
                "Pool.Audit", "Realm.Allocate", "Realm.AllocateUser", "SDN.Allocate", "SDN.Audit", "SDN.Use", "Sys.AccessNetwork",
                "Sys.Audit", "Sys.Console", "Sys.Incoming", "Sys.Modify", "Sys.PowerMgmt", "Sys.Syslog", "User.Modify"));
        all.sort(null);
        return all;
    }

    /** The built-in roles, derived as PVE::AccessControl::create_roles derives them from the privilege groups. */
    private static Map<String, List<String>> builtinRoles(Cluster c) {
        boolean pve9 = c.pve.major() >= 9;
        Map<String, List<List<String>>> groups = new LinkedHashMap<>();
        groups.put("VM", List.of(
                pve9 ? List.of("VM.Config.Disk", "VM.Config.CPU", "VM.Config.Memory", "VM.Config.Network", "VM.Config.HWType",
                        "VM.Config.Options", "VM.Allocate", "VM.Clone", "VM.GuestAgent.Unrestricted", "VM.Migrate", "VM.Replicate",
                        "VM.Snapshot", "VM.Snapshot.Rollback")
                        : List.of("VM.Config.Disk", "VM.Config.CPU", "VM.Config.Memory", "VM.Config.Network", "VM.Config.HWType",
                        "VM.Config.Options", "VM.Allocate", "VM.Clone", "VM.Migrate", "VM.Monitor", "VM.Snapshot",
                        "VM.Snapshot.Rollback"),
                pve9 ? List.of("VM.Config.CDROM", "VM.Config.Cloudinit", "VM.Console", "VM.Backup", "VM.GuestAgent.FileRead",
                        "VM.GuestAgent.FileSystemMgmt", "VM.GuestAgent.FileWrite", "VM.PowerMgmt")
                        : List.of("VM.Config.CDROM", "VM.Config.Cloudinit", "VM.Console", "VM.Backup", "VM.PowerMgmt"),
                pve9 ? List.of("VM.Audit", "VM.GuestAgent.Audit") : List.of("VM.Audit")));
        groups.put("Sys", List.of(List.of("Sys.Console", "Sys.Syslog"), List.of(), List.of("Sys.Audit")));
        groups.put("Datastore", List.of(List.of("Datastore.Allocate", "Datastore.AllocateTemplate"),
                List.of("Datastore.AllocateSpace"), List.of("Datastore.Audit")));
        groups.put("SDN", List.of(List.of("SDN.Allocate", "SDN.Audit"), List.of("SDN.Use"), List.of("SDN.Audit")));
        groups.put("User", List.of(List.of("User.Modify", "Group.Allocate", "Realm.AllocateUser"), List.of(), List.of()));
        groups.put("Pool", List.of(List.of("Pool.Allocate"), List.of("Pool.Audit"), List.of("Pool.Audit")));
        groups.put("Mapping", List.of(List.of("Mapping.Modify"), List.of("Mapping.Use"), List.of("Mapping.Audit")));
        Map<String, TreeSet<String>> roles = new TreeMap<>();
        roles.put("Administrator", new TreeSet<>(privileges(c)));
        roles.put("NoAccess", new TreeSet<>());
        groups.forEach((cat, levels) -> {
            for (List<String> level : levels) {
                roles.computeIfAbsent("PVE" + cat + "Admin", k -> new TreeSet<>()).addAll(level);
                roles.computeIfAbsent("PVEAdmin", k -> new TreeSet<>()).addAll(level);
            }
            if (!levels.get(1).isEmpty()) {
                roles.computeIfAbsent("PVE" + cat + "User", k -> new TreeSet<>()).addAll(levels.get(1));
                roles.get("PVE" + cat + "User").addAll(levels.get(2));
            }
            roles.computeIfAbsent("PVEAuditor", k -> new TreeSet<>()).addAll(levels.get(2));
        });
        roles.get("PVEAdmin").remove("Mapping.Modify");
        roles.put("PVETemplateUser", new TreeSet<>(List.of("VM.Audit", "VM.Clone")));
        Map<String, List<String>> out = new TreeMap<>();
        roles.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    private static Object updateAcl(Cluster c, ConfigCollection tokens, Request q) {
        if (!q.has("users") && !q.has("groups") && !q.has("tokens")) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (String field : List.of("users", "groups", "tokens")) {
                errors.put(field, "either 'users', 'groups' or 'tokens' is required.");
            }
            throw ApiException.parameters(errors);
        }
        String path = q.str("path").replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!path.matches("/|/(access|access/groups|access/realm|nodes|pool|sdn|storage|vms|mapping)(/.*)?")) {
            throw ApiException.parameter("path", "invalid ACL path '" + q.str("path") + "'");
        }
        String propagate = q.has("propagate") && !q.flag("propagate") ? "0" : "1";
        List<Map<String, String>> acl = c.tables.table(ACL, null).rows;
        for (String role : GuestApi.splitList(q.str("roles"))) {
            if (find(c, ROLES, "roleid", role) == null) {
                throw ApiException.fail("update ACL failed: role '" + role + "' does not exist");
            }
            List<String[]> subjects = new ArrayList<>();
            for (String group : GuestApi.splitList(q.str("groups"))) {
                if (groupRow(c, group) == null) {
                    throw ApiException.fail("update ACL failed: group '" + group + "' does not exist");
                }
                subjects.add(new String[] {"group", group});
            }
            for (String user : GuestApi.splitList(q.str("users"))) {
                if (userRow(c, user) == null) {
                    throw ApiException.fail("update ACL failed: user '" + user + "' does not exist");
                }
                subjects.add(new String[] {"user", user});
            }
            for (String token : GuestApi.splitList(q.str("tokens"))) {
                int bang = token.indexOf('!');
                if (bang < 0) {
                    throw ApiException.fail("update ACL failed: '" + token + "' is not a valid token ID - not able to split into user and token parts");
                }
                String user = token.substring(0, bang);
                if (userRow(c, user) == null) {
                    throw ApiException.fail("update ACL failed: no such user ('" + user + "')");
                }
                if (tokens.row(tokens.table(c, user), token.substring(bang + 1)) == null) {
                    throw ApiException.fail("update ACL failed: no such token '" + token.substring(bang + 1) + "' for user '" + user + "'");
                }
                subjects.add(new String[] {"token", token});
            }
            for (String[] subject : subjects) {
                String p = path;
                acl.removeIf(row -> row.get("path").equals(p) && row.get("type").equals(subject[0])
                        && row.get("ugid").equals(subject[1]) && row.get("roleid").equals(role));
                if (!q.flag("delete")) {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("path", path);
                    row.put("type", subject[0]);
                    row.put("ugid", subject[1]);
                    row.put("roleid", role);
                    row.put("propagate", propagate);
                    acl.add(row);
                }
            }
        }
        return null;
    }

    // ---- effective permissions, as PVE::RPCEnvironment::permissions and PVE::AccessControl::roles work them out ----

    private static Object permissions(Cluster c, ConfigCollection tokens, Request q) {
        String authid = q.has("userid") ? q.str("userid") : q.user;
        Map<String, Object> out = new TreeMap<>();
        if (q.has("path")) {
            out.put(q.str("path"), effective(c, tokens, authid, q.str("path")));
            return out;
        }
        TreeSet<String> paths = new TreeSet<>(TOP_PATHS);
        c.tables.table(ACL, null).rows.forEach(row -> paths.add(row.get("path")));
        c.guests.values().stream().filter(g -> g.pool != null).forEach(g -> paths.add("/vms/" + g.vmid));
        c.tables.table(ClusterCollections.POOLS, null).rows.forEach(pool ->
                GuestApi.splitList(pool.getOrDefault("storage", "")).forEach(s -> paths.add("/storage/" + s)));
        for (String path : paths) {
            Map<String, Long> privs = effective(c, tokens, authid, path);
            if (!privs.isEmpty()) {
                out.put(path, privs);
            }
        }
        return out;
    }

    /** Privilege to whether it propagates; a privilege-separated token gets what both it and its user have. */
    private static Map<String, Long> effective(Cluster c, ConfigCollection tokens, String authid, String path) {
        int bang = authid.indexOf('!');
        if (bang >= 0) {
            String user = authid.substring(0, bang);
            Map<String, String> token = userRow(c, user) == null ? null : tokens.row(tokens.table(c, user), authid.substring(bang + 1));
            if (token == null) {
                return Map.of();
            }
            Map<String, Long> userPrivs = effective(c, tokens, user, path);
            if (!"1".equals(token.get("privsep"))) {
                return userPrivs;
            }
            Map<String, Long> both = new TreeMap<>();
            privs(c, poolRoles(c, "token", authid, path)).forEach((priv, propagate) -> {
                if (userPrivs.containsKey(priv)) {
                    both.put(priv, Math.min(propagate, userPrivs.get(priv)));
                }
            });
            return both;
        }
        Map<String, Long> out = new TreeMap<>();
        if (authid.equals("root@pam")) {
            privileges(c).forEach(priv -> out.put(priv, 1L));
        } else if (userRow(c, authid) != null) {
            out.putAll(privs(c, poolRoles(c, "user", authid, path)));
        }
        return out;
    }

    /** The roles on the path, and for a guest or a storage also those on the pools it is a member of. */
    private static Map<String, Long> poolRoles(Cluster c, String type, String authid, String path) {
        Map<String, Long> roles = new TreeMap<>(roles(c, type, authid, path));
        List<String> pools = new ArrayList<>();
        if (path.matches("/vms/\\d+")) {
            Guest guest = c.guests.get(Integer.parseInt(path.substring(5)));
            if (guest != null && guest.pool != null) {
                pools.add(guest.pool);
            }
        } else if (path.matches("/storage/[^/]+")) {
            c.tables.table(ClusterCollections.POOLS, null).rows.stream()
                    .filter(pool -> GuestApi.splitList(pool.getOrDefault("storage", "")).contains(path.substring(9)))
                    .forEach(pool -> pools.add(pool.get("poolid")));
        }
        pools.forEach(pool -> roles(c, type, authid, "/pool/" + pool).forEach((role, p) -> roles.merge(role, p, Math::max)));
        return roles;
    }

    /**
     * Walks from {@code /} down to the path: on each level the roles granted there (propagating ones, or any on the
     * path itself) replace the inherited ones, a user's or token's own ACLs before its groups'; NoAccess wins.
     */
    private static Map<String, Long> roles(Cluster c, String type, String authid, String path) {
        List<String> levels = new ArrayList<>(List.of("/"));
        StringBuilder prefix = new StringBuilder();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                levels.add(prefix.append('/').append(part).toString());
            }
        }
        List<String> groups = type.equals("user") ? groupsOf(c, authid) : List.of();
        Map<String, Long> roles = new TreeMap<>();
        for (String level : levels) {
            boolean last = level.equals(levels.getLast());
            Map<String, Long> own = new TreeMap<>();
            Map<String, Long> fromGroups = new TreeMap<>();
            for (Map<String, String> row : c.tables.table(ACL, null).rows) {
                long propagate = Long.parseLong(row.get("propagate"));
                if (!row.get("path").equals(level) || !(last || propagate == 1)) {
                    continue;
                }
                if (row.get("type").equals(type) && row.get("ugid").equals(authid)) {
                    own.put(row.get("roleid"), propagate);
                } else if (row.get("type").equals("group") && groups.contains(row.get("ugid"))) {
                    fromGroups.put(row.get("roleid"), propagate);
                }
            }
            if (!own.isEmpty()) {
                roles = own;
            } else if (!fromGroups.isEmpty()) {
                roles = fromGroups;
            }
        }
        return roles.containsKey("NoAccess") ? Map.of("NoAccess", roles.get("NoAccess")) : roles;
    }

    private static Map<String, Long> privs(Cluster c, Map<String, Long> roles) {
        Map<String, Long> out = new TreeMap<>();
        roles.forEach((role, propagate) -> {
            Map<String, String> row = find(c, ROLES, "roleid", role);
            if (row != null) {
                GuestApi.splitList(row.getOrDefault("privs", "")).forEach(priv -> out.merge(priv, propagate, Math::max));
            }
        });
        return out;
    }

    // ---- TFA: the entries of tfa.cfg, one table per user ----

    private static String existingUser(Cluster c, String userid) {
        if (userRow(c, userid) == null) {
            throw ApiException.fail("no such user ('" + userid + "')");
        }
        return userid;
    }

    private static List<String> tfaUsers(Cluster c) {
        List<String> out = new ArrayList<>();
        for (Map<String, String> user : c.tables.table(USERS, null).rows) {
            if (c.tables.find(TFA + "/" + user.get("userid")) != null) {
                out.add(user.get("userid"));
            }
        }
        return out;
    }

    private static List<Map<String, Object>> tfaEntries(Cluster c, String userid) {
        List<Map<String, Object>> out = new ArrayList<>();
        Tables.Table table = c.tables.find(TFA + "/" + userid);
        if (table != null) {
            for (Map<String, String> row : table.rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", row.get("type"));
                m.put("id", row.get("id"));
                m.put("description", row.get("description"));
                m.put("created", Long.parseLong(row.get("created")));
                if (row.containsKey("enable")) {
                    m.put("enable", Long.parseLong(row.get("enable")));
                }
                out.add(m);
            }
        }
        return out;
    }

    // ---- seed: root, an admin, an operator, an automation user with a token, a custom role, ACLs, realms ----

    private static void seed(Cluster c) {
        Tables tables = c.tables;
        SplittableRandom random = new SplittableRandom(c.seed ^ 0xACCE55L);
        long now = c.startTime;
        Tables.Table domains = tables.table(DOMAINS, null);
        domains.add("realm", "pam", "type", "pam", "comment", "Linux PAM standard authentication");
        domains.add("realm", "pve", "type", "pve", "comment", "Proxmox VE authentication server", "default", "1");
        domains.add("realm", "corp", "type", "ldap", "comment", "Company directory", "server1", "ldap.corp.example",
                "base_dn", "ou=people,dc=corp,dc=example", "user_attr", "uid", "mode", "ldaps", "port", "636");
        Tables.Table users = tables.table(USERS, null);
        users.add("userid", "root@pam", "enable", "1", "email", "root@pve1.example");
        users.add("userid", "alice@pve", "enable", "1", "firstname", "Alice", "lastname", "Martin", "email", "alice@example.com",
                "keys", "x");
        users.add("userid", "bob@pve", "enable", "1", "firstname", "Bob", "lastname", "Keller", "email", "bob@example.com",
                "expire", String.valueOf((now / 86_400 + 180) * 86_400));
        users.add("userid", "automation@pve", "enable", "1", "comment", "CI pipeline");
        users.add("userid", "monitoring@pve", "enable", "1", "comment", "Prometheus exporter");
        users.add("userid", "intern@pve", "enable", "0", "firstname", "Sam");
        Tables.Table groups = tables.table(GROUPS, null);
        groups.add("groupid", "admins", "comment", "Cluster administrators", "users", "alice@pve");
        groups.add("groupid", "operators", "comment", "Day-to-day VM operations", "users", "bob@pve,intern@pve");
        Tables.Table roles = tables.table(ROLES, null);
        builtinRoles(c).forEach((id, privs) -> roles.add("roleid", id, "privs", String.join(",", privs), "special", "1"));
        roles.add("roleid", "VMOperator", "privs", String.join(",", new TreeSet<>(c.pve.major() >= 9
                ? List.of("VM.Audit", "VM.Console", "VM.PowerMgmt", "VM.GuestAgent.Audit")
                : List.of("VM.Audit", "VM.Console", "VM.PowerMgmt", "VM.Monitor"))));
        tables.table(USERS + "/root@pam/token", null).add("tokenid", "sandbox", "privsep", "0", "expire", "0",
                "comment", "proxmox-mcp");
        tables.table(USERS + "/automation@pve/token", null).add("tokenid", "terraform", "privsep", "1",
                "expire", String.valueOf((now / 86_400 + 365) * 86_400), "comment", "infrastructure pipeline "
                        + Long.toHexString(random.nextLong() & 0xffff));
        Tables.Table tfa = tables.table(TFA + "/alice@pve", null);
        tfa.add("type", "totp", "id", uuid(random), "description", "phone", "created", String.valueOf(now - 86_400 * 40));
        tfa.add("type", "recovery", "id", "recovery", "description", "", "created", String.valueOf(now - 86_400 * 40 + 60));
        Tables.Table acl = tables.table(ACL, null);
        acl.add("path", "/", "type", "group", "ugid", "admins", "roleid", "Administrator", "propagate", "1");
        acl.add("path", "/", "type", "user", "ugid", "monitoring@pve", "roleid", "PVEAuditor", "propagate", "1");
        acl.add("path", "/pool/production", "type", "group", "ugid", "operators", "roleid", "VMOperator", "propagate", "1");
        acl.add("path", "/pool/development", "type", "token", "ugid", "automation@pve!terraform", "roleid", "PVEVMAdmin", "propagate", "1");
        acl.add("path", "/storage/nfs-shared", "type", "user", "ugid", "automation@pve", "roleid", "PVEDatastoreUser", "propagate", "0");
    }

    private static String uuid(SplittableRandom random) {
        String hex = String.format("%016x%016x", random.nextLong(), random.nextLong());
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a" + hex.substring(17, 20)
                + "-" + hex.substring(20);
    }
}
