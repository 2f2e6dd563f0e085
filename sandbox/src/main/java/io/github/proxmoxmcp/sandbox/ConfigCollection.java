package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A Proxmox config collection, declared once and served with Proxmox's REST conventions and answers:
 * <pre>{@code
 * ConfigCollection.keyed("/cluster/firewall/aliases", "name:pve-fw-alias")   // list + create here, item at .../{name}
 *         .fields("cidr*:IPorCIDR comment")                           // ParamSpec tokens: * required, ! secret
 *         .insert(ConfigCollection.Insert.SORTED).ignoreCase().digest()
 *         .duplicate(Refusal.param("name", "alias '{id}' already exists"))
 *         .missing(Refusal.param("name", "no such alias"))
 *         .register(router, cluster);
 * }</pre>
 * <ul>
 * <li>{@code GET path} lists the rows (with the declared {@link #filter filters}), {@code POST path} creates one
 *     (the id from the body, from the item path with {@link #createAtItem()}, or {@link #idFrom derived}),
 *     {@code GET/PUT/DELETE path/{id}} read, update and remove one. {@link #ops} leaves some out.</li>
 * <li>Create checks the fields' types, formats and required ones (400 with an {@code errors} map), the
 *     {@link #typed typed-section} options (500 {@code unexpected property 'x'}), then the duplicate id.</li>
 * <li>Update takes {@code delete=a,b} (required and {@link #fixed} keys refused) and, with {@link #digest()},
 *     {@code digest}: reads carry the collection's digest and a write with another one is refused.</li>
 * <li>{@link #ordered} collections (firewall rules) address rows by {@code pos} and move them with {@code moveto};
 *     {@link #pending} collections (SDN) show {@code state} and pending values on {@code pending=1} until the group
 *     is applied; {@link #task} collections answer writes with a UPID and apply them when the task ends.</li>
 * <li>Everything else that is particular to one endpoint is declared: error texts ({@link #duplicate},
 *     {@link #missing}, {@link #failures}), stored defaults, and the hooks ({@link #validate}, {@link #view},
 *     {@link #afterCreate}, {@link #beforeDelete}, ...).</li>
 * </ul>
 * Rows live in {@link Cluster#tables}, keyed by the concrete collection path; seed data adds them with
 * {@link #table(Cluster, String...)}.
 */
final class ConfigCollection {

    /** Where a created row goes, which is also the order of the list. */
    enum Insert { APPEND, TOP, SORTED }

    /** The operations a collection serves. */
    enum Op { LIST, CREATE, READ, UPDATE, DELETE }

    private enum Kind { KEYED, ORDERED, SINGLE }

    /**
     * An error answer: a 500 with a message, or a 400 "Parameter verification failed." naming one parameter.
     * {@code {id}} in the text is the row's id, {@code {key}} the option concerned, {@code {name}} any path variable.
     */
    record Refusal(int status, String field, String text) {

        static Refusal fail(String text) {
            return new Refusal(500, null, text);
        }

        static Refusal param(String field, String text) {
            return new Refusal(400, field, text);
        }

        /** Any other status with a message (proxmox-notify answers 404 and 400 this way). */
        static Refusal status(int status, String text) {
            return new Refusal(status, null, text);
        }

        ApiException exception(String prefix, Map<String, String> vars) {
            String message = text;
            for (Map.Entry<String, String> var : vars.entrySet()) {
                message = message.replace("{" + var.getKey() + "}", var.getValue());
            }
            return field == null ? new ApiException(status, prefix == null ? message : prefix + message)
                    : ApiException.parameter(field, message);
        }
    }

    /** A write as the hooks see it: {@code before} is null on create, {@code item} null on delete. */
    record Write(Request request, Tables.Table table, String id, Map<String, String> before, Map<String, String> item) {
    }

    /** Adds what a read shows beyond the stored row (computed fields, parent ids...). */
    @FunctionalInterface
    interface View {
        void decorate(Request request, Map<String, String> row, Map<String, Object> out);
    }

    private static final Refusal DIGEST = Refusal.fail("detected modified configuration - file changed by other user? Try again.");
    private Refusal digestRefusal = DIGEST;

    private final Kind kind;
    private final String path;
    private final String itemPath;
    private String idField;
    private ParamSpec idSpec = ParamSpec.NONE;
    private boolean createAtItem;
    private Function<Request, String> idFrom;
    private java.util.function.BiFunction<Request, String, String> normalizeId = (q, id) -> id;
    private ParamSpec fields = ParamSpec.NONE;
    private ParamSpec shown = ParamSpec.NONE;
    private Set<String> fixed = Set.of();
    private String typeField;
    private final Map<String, ParamSpec> types = new LinkedHashMap<>();
    private Map<String, String> storedDefaults = Map.of();
    private ParamSpec scopeSpec = ParamSpec.NONE;
    private ParamSpec listParams = ParamSpec.NONE;
    private ParamSpec readParams = ParamSpec.NONE;
    private ParamSpec createParams = ParamSpec.NONE;
    private ParamSpec updateParams = ParamSpec.NONE;
    private ParamSpec deleteParams = ParamSpec.NONE;
    private final List<BiPredicate<Request, Map<String, String>>> filters = new ArrayList<>();
    private Set<Op> ops = Set.of(Op.values());
    private Insert insert = Insert.APPEND;
    private boolean ignoreCase;
    private boolean digest;
    private boolean listDigestOnly;
    private boolean blankDeletes;
    private boolean quietDelete;
    private boolean replacingUpdate;
    private boolean noDelete;
    private String storedAt;
    private final Map<Op, List<Map.Entry<java.util.function.Predicate<Request>, Router.Handler>>> overrides =
            new java.util.EnumMap<>(Op.class);
    private String renameParam;
    private String pendingGroup;
    private Set<String> pendingPlainKeys = Set.of();
    private String[] taskTypes;
    private boolean anonymousTasks;
    private Refusal duplicate = Refusal.fail("'{id}' already exists");
    private Refusal missing = Refusal.fail("'{id}' does not exist");
    private Refusal unknownDelete = Refusal.fail("no such option '{key}'");
    private Refusal requiredDelete = Refusal.fail("unable to delete required option '{key}'");
    private Refusal conflictingDelete = Refusal.fail("cannot set and delete property '{key}' at the same time!");
    private String createFailed;
    private String updateFailed;
    private String deleteFailed;
    private final List<Consumer<Request>> scopes = new ArrayList<>();
    private final List<Consumer<Write>> validators = new ArrayList<>();
    private final List<Consumer<Write>> afterCreate = new ArrayList<>();
    private final List<Consumer<Write>> afterUpdate = new ArrayList<>();
    private final List<Consumer<Write>> beforeDelete = new ArrayList<>();
    private final List<Consumer<Write>> afterDelete = new ArrayList<>();
    private final List<View> views = new ArrayList<>();
    private Function<Write, Object> created = w -> null;
    private Function<Write, Object> updated = w -> null;
    private Cluster cluster;

    private ConfigCollection(Kind kind, String path, String itemPath) {
        this.kind = kind;
        this.path = path;
        this.itemPath = itemPath;
    }

    /** Rows with an id: {@code idSpec} is one ParamSpec token naming the id field and its format. */
    static ConfigCollection keyed(String path, String idSpec) {
        ParamSpec spec = ParamSpec.of(idSpec);
        ConfigCollection c = new ConfigCollection(Kind.KEYED, path, path + "/{" + spec.params().getFirst().name() + "}");
        c.idField = spec.params().getFirst().name();
        c.idSpec = spec;
        return c;
    }

    /** Keyed rows whose item path names the id differently, e.g. {@code /access/users/{userid}/token/{tokenid}}. */
    static ConfigCollection keyed(String path, String itemPath, String idSpec) {
        ParamSpec spec = ParamSpec.of(idSpec);
        ConfigCollection c = new ConfigCollection(Kind.KEYED, path, itemPath);
        c.idField = spec.params().getFirst().name();
        c.idSpec = spec;
        return c;
    }

    /** Rows addressed by position ({@code path/{pos}}), listed with {@code pos}; create puts them at the top. */
    static ConfigCollection ordered(String path) {
        ConfigCollection c = new ConfigCollection(Kind.ORDERED, path, path + "/{pos}");
        c.idField = "pos";
        c.idSpec = ParamSpec.of("pos:int(0..)");
        c.insert = Insert.TOP;
        return c;
    }

    /** One config object: {@code GET} and {@code PUT} (with {@code delete} and {@code digest}) on {@code path}. */
    static ConfigCollection single(String path) {
        ConfigCollection c = new ConfigCollection(Kind.SINGLE, path, path);
        c.ops = Set.of(Op.READ, Op.UPDATE);
        return c;
    }

    // ---- declaration ----

    ConfigCollection fields(String spec) {
        fields = fields.plus(spec);
        return this;
    }

    /** Keys the rows hold that no request sets (computed by hooks), declared for their type on reads. */
    ConfigCollection shows(String spec) {
        shown = shown.plus(spec);
        return this;
    }

    /** Options that are set on create only (SectionConfig's fixed ones): update does not accept them. */
    ConfigCollection fixed(String... names) {
        fixed = Set.of(names);
        return this;
    }

    /**
     * Typed sections: {@code field} names the type, each entry is {@code "type: option option* ..."} listing the
     * type-specific options ({@code *}: required for that type). Options listed for no type go with every type.
     */
    ConfigCollection typed(String field, String... typeOptions) {
        typeField = field;
        for (String entry : typeOptions) {
            int colon = entry.indexOf(':');
            types.put(entry.substring(0, colon).trim(), ParamSpec.of(entry.substring(colon + 1)));
        }
        return this;
    }

    /** Values a create stores when the request leaves them out, as {@code key=value} tokens. */
    ConfigCollection storedDefaults(String spec) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String token : spec.trim().split("\\s+")) {
            int eq = token.indexOf('=');
            defaults.put(token.substring(0, eq), token.substring(eq + 1));
        }
        storedDefaults = defaults;
        return this;
    }

    /** A list filter parameter and the rows it keeps. */
    ConfigCollection filter(String spec, BiPredicate<Request, Map<String, String>> keep) {
        listParams = listParams.plus(spec);
        filters.add(keep);
        return this;
    }

    /** {@code GET path?field=x} lists only rows whose field is x; the parameter is declared like the field. */
    ConfigCollection filterBy(String field) {
        ParamSpec.Param declared = fields.find(field);
        String token = field + (declared == null || declared.type().equals("string") ? ""
                : ":" + (declared.type().equals("enum") ? String.join("|", declared.values()) : declared.type()));
        return filter(token, (q, row) -> !q.has(field) || q.str(field).equals(row.get(field)));
    }

    /** Parameters an operation accepts beyond the fields (handled by hooks, or accepted and ignored as Proxmox does). */
    ConfigCollection params(Op op, String spec) {
        switch (op) {
            case LIST -> listParams = listParams.plus(spec);
            case READ -> readParams = readParams.plus(spec);
            case CREATE -> createParams = createParams.plus(spec);
            case UPDATE -> updateParams = updateParams.plus(spec);
            case DELETE -> deleteParams = deleteParams.plus(spec);
        }
        return this;
    }

    ConfigCollection ops(Op... served) {
        ops = Set.of(served);
        return this;
    }

    ConfigCollection insert(Insert where) {
        insert = where;
        return this;
    }

    /** Ids match whatever their case (the row keeps the spelling it was created with). */
    ConfigCollection ignoreCase() {
        ignoreCase = true;
        return this;
    }

    /** Reads carry the collection's digest; {@code PUT} (and {@code DELETE}, which then accepts it) check it. */
    ConfigCollection digest() {
        digest = true;
        return this;
    }

    /** Like {@link #digest()}, but only list entries carry it (reading one row shows none). */
    ConfigCollection listDigest() {
        digest = true;
        listDigestOnly = true;
        return this;
    }

    /** An empty (or {@code -}) value on update removes the key, as the firewall does. */
    ConfigCollection blankDeletes() {
        blankDeletes = true;
        return this;
    }

    /** Deleting an id that does not exist succeeds without a word. */
    ConfigCollection quietDelete() {
        quietDelete = true;
        return this;
    }

    /** Update sets only what the request names, and takes no {@code delete} (users, groups, roles). */
    ConfigCollection noDelete() {
        noDelete = true;
        return this;
    }

    /**
     * Update sets the declared fields from the request and drops those it leaves out (no {@code delete}); the
     * fields keep their required flags.
     */
    ConfigCollection replacingUpdate() {
        replacingUpdate = true;
        return this;
    }

    /**
     * Where the rows live when several paths share one config file, e.g. {@code /firewall/{vmid}/rules} for the
     * qemu and lxc paths of a guest firewall on any node. The template's variables are the path's.
     */
    ConfigCollection storedAt(String keyTemplate) {
        storedAt = keyTemplate;
        return this;
    }

    /** A request of this operation that matches {@code when} is handled by {@code handler} instead. */
    ConfigCollection override(Op op, java.util.function.Predicate<Request> when, Router.Handler handler) {
        overrides.computeIfAbsent(op, k -> new ArrayList<>()).add(Map.entry(when, handler));
        return this;
    }

    /** The create request names the id in the item path: {@code POST path/{id}}. */
    ConfigCollection createAtItem() {
        createAtItem = true;
        return this;
    }

    /** The id of a created row is computed from the request (the id field is then not a create parameter). */
    ConfigCollection idFrom(Function<Request, String> id) {
        idFrom = id;
        return this;
    }

    /** How an id in the item path maps to the stored one ({@code 100} to {@code vm:100}). */
    ConfigCollection normalizeId(java.util.function.BiFunction<Request, String, String> normalize) {
        normalizeId = normalize;
        return this;
    }

    /** {@code PUT item} with this parameter renames the row (refused as a duplicate when the name is taken). */
    ConfigCollection renamedBy(String param) {
        renameParam = param;
        updateParams = updateParams.plus(param + ":" + idSpec.params().getFirst().type());
        return this;
    }

    /**
     * Writes stay pending until the group is applied ({@link Tables#commit}): reads show the written config,
     * {@code running=1} the applied one, {@code pending=1} the difference with {@code state} and {@code pending}
     * (those two carry {@code "digest": null}, as pve-network's do).
     * {@code plainKeys} are shown from the config even when they differ (SDN: {@code type}, {@code vnet}).
     */
    ConfigCollection pending(String group, String... plainKeys) {
        pendingGroup = group;
        pendingPlainKeys = Set.of(plainKeys);
        listParams = listParams.plus("pending:bool running:bool");
        readParams = readParams.plus("pending:bool running:bool");
        return this;
    }

    /** Writes answer a UPID of these task types (create, update, delete) and are applied when the task ends. */
    ConfigCollection task(String createType, String updateType, String deleteType) {
        taskTypes = new String[] {createType, updateType, deleteType};
        return this;
    }

    /** The tasks carry no id in their UPID (ACME's do not). */
    ConfigCollection anonymousTasks() {
        anonymousTasks = true;
        return this;
    }

    /** How a stale {@code digest} is refused (default: the 500 of PVE::Tools::assert_if_modified). */
    ConfigCollection digestRefusal(Refusal refusal) {
        digestRefusal = refusal;
        return this;
    }

    ConfigCollection duplicate(Refusal refusal) {
        duplicate = refusal;
        return this;
    }

    ConfigCollection missing(Refusal refusal) {
        missing = refusal;
        return this;
    }

    /** How {@code delete=} refuses an unknown option, a required one, and one that is also being set (or null). */
    ConfigCollection deleteRefusals(Refusal unknown, Refusal required, Refusal conflicting) {
        unknownDelete = unknown;
        requiredDelete = required;
        conflictingDelete = conflicting;
        return this;
    }

    /** Prefixes of the 500s raised while the config is locked ({@code "create storage failed: "}...), or null. */
    ConfigCollection failures(String create, String update, String delete) {
        createFailed = create;
        updateFailed = update;
        deleteFailed = delete;
        return this;
    }

    /** Checks that the scope exists (the guest of a guest firewall...) before anything else. */
    ConfigCollection within(Consumer<Request> scope) {
        scopes.add(scope);
        return this;
    }

    /** A nested collection: the parent row named by the path variables must exist. */
    ConfigCollection within(ConfigCollection parent) {
        scopes.add(q -> parent.require(q, parent.table(q), parent.keyOf(q)));
        scopeSpec = scopeSpec.plus(parent.idSpec.optional());
        return this;
    }

    ConfigCollection validate(Consumer<Write> check) {
        validators.add(check);
        return this;
    }

    ConfigCollection afterCreate(Consumer<Write> hook) {
        afterCreate.add(hook);
        return this;
    }

    ConfigCollection afterUpdate(Consumer<Write> hook) {
        afterUpdate.add(hook);
        return this;
    }

    ConfigCollection beforeDelete(Consumer<Write> hook) {
        beforeDelete.add(hook);
        return this;
    }

    ConfigCollection afterDelete(Consumer<Write> hook) {
        afterDelete.add(hook);
        return this;
    }

    ConfigCollection view(View view) {
        views.add(view);
        return this;
    }

    /** What create answers (default {@code null}). */
    ConfigCollection created(Function<Write, Object> answer) {
        created = answer;
        return this;
    }

    /** What update answers (default {@code null}). */
    ConfigCollection updated(Function<Write, Object> answer) {
        updated = answer;
        return this;
    }

    // ---- state ----

    /** The table under this collection's path with the path variables filled in order (for seed data). */
    Tables.Table table(Cluster c, String... vars) {
        String key = storedAt != null ? storedAt : path;
        for (String var : vars) {
            key = key.replaceFirst("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(var));
        }
        return c.tables.table(key, pendingGroup);
    }

    Tables.Table table(Request q) {
        String key = storedAt != null ? storedAt : path;
        for (Map.Entry<String, String> var : q.vars.entrySet()) {
            key = key.replace("{" + var.getKey() + "}", var.getValue());
        }
        return cluster.tables.table(key, pendingGroup);
    }

    /** The row with this id, or null. */
    Map<String, String> row(Tables.Table table, String id) {
        for (Map<String, String> row : table.rows) {
            if (sameId(row.get(idField), id)) {
                return row;
            }
        }
        return null;
    }

    String idField() {
        return idField;
    }

    /** The collection path (list and create). */
    String path() {
        return path;
    }

    /** Refuses a write whose {@code digest} is not the table's, as PVE::Tools::assert_if_modified does. */
    static void requireDigest(Request q, Tables.Table table) {
        if (q.has("digest") && !q.str("digest").equals(table.digest())) {
            throw DIGEST.exception(null, Map.of());
        }
    }

    private boolean sameId(String a, String b) {
        return a != null && (ignoreCase ? a.equalsIgnoreCase(b) : a.equals(b));
    }

    private String keyOf(Request q) {
        String template = itemPath.substring(itemPath.lastIndexOf('{') + 1, itemPath.length() - 1);
        String id = q.var(template);
        return id == null ? null : normalizeId.apply(q, id);
    }

    private Map<String, String> require(Request q, Tables.Table table, String id) {
        Map<String, String> row = row(table, id);
        if (row == null) {
            throw missing.exception(null, vars(q, id, null));
        }
        return row;
    }

    // ---- routes ----

    ConfigCollection register(Router router, Cluster c) {
        this.cluster = c;
        ParamSpec idParam = idSpec.params().isEmpty() ? ParamSpec.NONE : idSpec;
        ParamSpec itemSpec = kind == Kind.SINGLE ? scopeSpec : scopeSpec.plus(idParam.optional());
        ParamSpec allFields = fields;
        for (ParamSpec typeSpec : types.values()) {
            allFields = allFields.plus(typeSpec.optional());
        }
        ParamSpec updatable = allFields.without(fixed).without(Set.of(idField == null ? "" : idField));
        updatable = replacingUpdate ? updatable : noDelete ? updatable.optional() : updatable.optional().plus("delete");
        updatable = updatable.plus(digest || kind == Kind.SINGLE ? "digest" : "");
        if (kind == Kind.ORDERED) {
            updatable = updatable.plus("moveto:int(0..)");
        }
        if (ops.contains(Op.LIST)) {
            router.add("GET", path, scopeSpec.plus(listParams), handler(Op.LIST, this::list));
        }
        if (ops.contains(Op.CREATE)) {
            ParamSpec create = scopeSpec.plus(allFields).plus(createParams);
            if (kind == Kind.KEYED && idFrom == null) {
                create = idParam.plus(create);
            } else if (kind == Kind.ORDERED) {
                create = create.plus("pos:int(0..)").plus(digest ? "digest" : "");
            }
            router.add("POST", createAtItem ? itemPath : path, create, handler(Op.CREATE, this::create));
        }
        if (ops.contains(Op.READ)) {
            router.add("GET", itemPath, itemSpec.plus(readParams), handler(Op.READ, kind == Kind.SINGLE ? this::readSingle : this::read));
        }
        if (ops.contains(Op.UPDATE)) {
            router.add("PUT", itemPath, itemSpec.plus(updatable).plus(updateParams),
                    handler(Op.UPDATE, kind == Kind.SINGLE ? this::updateSingle : this::update));
        }
        if (ops.contains(Op.DELETE)) {
            router.add("DELETE", itemPath, itemSpec.plus(digest ? "digest" : "").plus(deleteParams), handler(Op.DELETE, this::delete));
        }
        return this;
    }

    /** Serves one operation for a request built elsewhere (an endpoint that names the id in a parameter). */
    Object handle(Op op, Request q) {
        return handler(op, switch (op) {
            case LIST -> this::list;
            case CREATE -> this::create;
            case READ -> kind == Kind.SINGLE ? this::readSingle : this::read;
            case UPDATE -> kind == Kind.SINGLE ? this::updateSingle : this::update;
            case DELETE -> this::delete;
        }).handle(q);
    }

    /** The operation's handler; overrides are looked up per request, so they may be declared after registering. */
    private Router.Handler handler(Op op, Router.Handler standard) {
        return q -> {
            for (Map.Entry<java.util.function.Predicate<Request>, Router.Handler> entry : overrides.getOrDefault(op, List.of())) {
                if (entry.getKey().test(q)) {
                    enter(q);
                    return entry.getValue().handle(q);
                }
            }
            return standard.handle(q);
        };
    }

    private void enter(Request q) {
        scopes.forEach(scope -> scope.accept(q));
    }

    private Object list(Request q) {
        enter(q);
        Tables.Table table = table(q);
        if (pendingGroup != null && q.flag("pending")) {
            return new ArrayList<>(pendingView(q, table).values());
        }
        boolean running = pendingGroup != null && q.flag("running");
        List<Map<String, String>> rows = new ArrayList<>(running ? table.running : table.rows);
        if (insert == Insert.SORTED) {
            rows.sort(Comparator.comparing(row -> sortKey(row.get(idField))));
        }
        List<Object> out = new ArrayList<>();
        String digestValue = digest ? table.digest() : null;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            if (filters.stream().allMatch(f -> f.test(q, row))) {
                Map<String, Object> entry = render(q, row, running ? null : digestValue, i);
                if (running && digest) {
                    entry.put("digest", null);
                }
                out.add(entry);
            }
        }
        return out;
    }

    private Object read(Request q) {
        enter(q);
        Tables.Table table = table(q);
        String id = keyOf(q);
        if (pendingGroup != null && q.flag("pending")) {
            Map<String, Object> entry = pendingView(q, table).get(id);
            if (entry == null) {
                throw missing.exception(null, vars(q, id, null));
            }
            return entry;
        }
        if (kind == Kind.ORDERED) {
            int pos = Integer.parseInt(id.trim());
            if (pos >= table.rows.size()) {
                throw missing.exception(null, vars(q, id, null));
            }
            return render(q, table.rows.get(pos), digest ? table.digest() : null, pos);
        }
        boolean running = pendingGroup != null && q.flag("running");
        Tables.Table source = table;
        if (running) {
            source = new Tables.Table(null);
            source.rows.addAll(table.running);
        }
        Map<String, Object> out = render(q, require(q, source, id), running || !digest || listDigestOnly ? null : table.digest(), -1);
        if (running && digest) {
            out.put("digest", null);
        }
        return out;
    }

    private Object readSingle(Request q) {
        enter(q);
        Tables.Table table = table(q);
        Map<String, Object> out = render(q, table.rows.isEmpty() ? Map.of() : table.rows.getFirst(), table.digest(), -1);
        return out;
    }

    private Object create(Request q) {
        enter(q);
        Tables.Table table = table(q);
        Map<String, String> item = new LinkedHashMap<>();
        String id = null;
        if (kind == Kind.KEYED) {
            id = idFrom != null ? idFrom.apply(q) : createAtItem ? keyOf(q) : q.str(idField);
            item.put(idField, id);
        }
        checkTyped(q, null, true);
        if (kind == Kind.KEYED && row(table, id) != null) {
            throw duplicate.exception(createFailed, vars(q, id, null));
        }
        for (ParamSpec.Param param : fieldsOf(typeOf(q, null)).params()) {
            String value = value(q, param);
            if (value != null && !param.name().equals(idField) && !(blankDeletes && blank(value))) {
                item.put(param.name(), value);
            }
        }
        storedDefaults.forEach(item::putIfAbsent);
        Write write = new Write(q, table, id, null, item);
        validators.forEach(v -> v.accept(write));
        Runnable apply = () -> {
            switch (insert) {
                case TOP -> table.rows.addFirst(item);
                default -> table.rows.add(item);
            }
            afterCreate.forEach(h -> h.accept(write));
        };
        return finish(q, 0, id, apply, () -> created.apply(write));
    }

    private Object update(Request q) {
        enter(q);
        Tables.Table table = table(q);
        String id = keyOf(q);
        checkDigest(q, table, updateFailed);
        Map<String, String> row;
        if (kind == Kind.ORDERED) {
            int pos = Integer.parseInt(id.trim());
            if (pos >= table.rows.size()) {
                throw missing.exception(updateFailed, vars(q, id, null));
            }
            row = table.rows.get(pos);
            if (q.has("moveto") && q.integer("moveto") != pos) {
                return finish(q, 1, id, () -> move(table.rows, pos, q.integer("moveto")), () -> null);
            }
        } else {
            row = row(table, id);
            if (row == null) {
                throw missing.exception(updateFailed, vars(q, id, null));
            }
        }
        String type = typeField == null ? null : row.get(typeField);
        checkTyped(q, type, false);
        Map<String, String> item = new LinkedHashMap<>(row);
        ParamSpec known = fieldsOf(type);
        for (ParamSpec.Param param : known.params()) {
            String value = value(q, param);
            if (param.name().equals(idField) || fixed.contains(param.name())) {
                continue;
            }
            if (value == null) {
                if (replacingUpdate) {
                    item.remove(param.name());
                }
                continue;
            }
            if (blankDeletes && blank(value)) {
                item.remove(param.name());
            } else {
                item.put(param.name(), value);
            }
        }
        for (String key : deleted(q)) {
            ParamSpec.Param param = known.find(key);
            Map<String, String> v = vars(q, id, key);
            if (param == null || key.equals(idField)) {
                throw unknownDelete.exception(updateFailed, v);
            }
            if (param.required() || requiredFor(type, key)) {
                throw requiredDelete.exception(updateFailed, v);
            }
            if (fixed.contains(key)) {
                throw Refusal.fail("unable to delete fixed option '{key}'").exception(updateFailed, v);
            }
            if (conflictingDelete != null && q.has(key)) {
                throw conflictingDelete.exception(updateFailed, v);
            }
            item.remove(key);
        }
        String newId = id;
        if (renameParam != null && q.has(renameParam) && !sameId(q.str(renameParam), id)) {
            newId = q.str(renameParam);
            if (row(table, newId) != null) {
                throw duplicate.exception(updateFailed, vars(q, newId, null));
            }
            item.put(idField, newId);
        }
        Write write = new Write(q, table, newId, row, item);
        validators.forEach(v -> v.accept(write));
        return finish(q, 1, newId, () -> {
            row.clear();
            row.putAll(item);
            afterUpdate.forEach(h -> h.accept(write));
        }, () -> updated.apply(write));
    }

    private Object updateSingle(Request q) {
        enter(q);
        Tables.Table table = table(q);
        checkDigest(q, table, updateFailed);
        if (table.rows.isEmpty()) {
            table.rows.add(new LinkedHashMap<>());
        }
        Map<String, String> row = table.rows.getFirst();
        Map<String, String> item = new LinkedHashMap<>(row);
        for (ParamSpec.Param param : fields.params()) {
            String value = value(q, param);
            if (value != null) {
                item.put(param.name(), value);
            }
        }
        for (String key : deleted(q)) {
            if (fields.find(key) == null) {
                throw unknownDelete.exception(updateFailed, vars(q, "", key));
            }
            if (conflictingDelete != null && q.has(key)) {
                throw conflictingDelete.exception(updateFailed, vars(q, "", key));
            }
            item.remove(key);
        }
        Write write = new Write(q, table, null, row, item);
        validators.forEach(v -> v.accept(write));
        row.clear();
        row.putAll(item);
        afterUpdate.forEach(h -> h.accept(write));
        return updated.apply(write);
    }

    private Object delete(Request q) {
        enter(q);
        Tables.Table table = table(q);
        String id = keyOf(q);
        if (digest) {
            checkDigest(q, table, deleteFailed);
        }
        Map<String, String> row;
        if (kind == Kind.ORDERED) {
            int pos = Integer.parseInt(id.trim());
            row = pos < table.rows.size() ? table.rows.get(pos) : null;
        } else {
            row = row(table, id);
        }
        if (row == null) {
            if (quietDelete) {
                return null;
            }
            throw missing.exception(deleteFailed, vars(q, id, null));
        }
        Write write = new Write(q, table, id, row, null);
        beforeDelete.forEach(h -> h.accept(write));
        return finish(q, 2, id, () -> {
            table.rows.remove(row);
            afterDelete.forEach(h -> h.accept(write));
        }, () -> null);
    }

    /** Applies a write now, or at the end of a task whose UPID is the answer. */
    private Object finish(Request q, int op, String id, Runnable apply, java.util.function.Supplier<Object> answer) {
        if (taskTypes == null || taskTypes[op] == null) {
            apply.run();
            return answer.get();
        }
        String node = q.node() != null ? q.node() : cluster.nodes.keySet().iterator().next();
        return cluster.startTask(node, taskTypes[op], id == null || anonymousTasks ? "" : id, q.user, t -> apply.run());
    }

    // ---- checks ----

    private void checkDigest(Request q, Tables.Table table, String prefix) {
        if (q.has("digest") && !q.str("digest").equals(table.digest())) {
            throw digestRefusal.exception(prefix, Map.of());
        }
    }

    private String typeOf(Request q, String stored) {
        return typeField == null ? null : stored != null ? stored : q.str(typeField);
    }

    /** The options a row of this type may hold (all declared ones for a type declared without its own list). */
    private ParamSpec fieldsOf(String type) {
        if (typeField == null) {
            return fields;
        }
        ParamSpec own = types.get(type);
        if (own != null) {
            return fields.plus(own);
        }
        ParamSpec all = fields;
        for (ParamSpec spec : types.values()) {
            all = all.plus(spec.optional());
        }
        return all;
    }

    private boolean requiredFor(String type, String key) {
        ParamSpec own = type == null ? null : types.get(type);
        ParamSpec.Param param = own == null ? null : own.find(key);
        return param != null && param.required();
    }

    /** SectionConfig's per-type check: options of other types are unexpected, this type's required ones missing. */
    private void checkTyped(Request q, String storedType, boolean create) {
        if (typeField == null) {
            return;
        }
        String type = typeOf(q, storedType);
        ParamSpec own = types.get(type);
        if (own == null) {
            return;
        }
        for (String name : q.params.keySet()) {
            boolean foreign = own.find(name) == null && types.values().stream().anyMatch(s -> s.find(name) != null);
            if (foreign) {
                throw ApiException.fail("unexpected property '" + name + "'");
            }
        }
        if (create) {
            for (ParamSpec.Param param : own.params()) {
                if (param.required() && !q.has(param.name())) {
                    throw ApiException.fail("missing value for required option '" + param.name() + "'");
                }
            }
        }
    }

    /** A request value as a row stores it: the values of a repeated (list) parameter one per line. */
    private static String value(Request q, ParamSpec.Param param) {
        if (param.type().equals("list")) {
            return q.has(param.name()) ? String.join("\n", q.all(param.name())) : null;
        }
        return q.str(param.name());
    }

    private static boolean blank(String value) {
        return value.isEmpty() || value.equals("-");
    }

    /** Proxmox's move: the row leaves {@code from} and goes in before the row that was at {@code to}. */
    private static void move(List<Map<String, String>> rows, int from, int to) {
        Map<String, String> moving = rows.get(from);
        List<Map<String, String>> moved = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (i == from) {
                continue;
            }
            if (i == to) {
                moved.add(moving);
            }
            moved.add(rows.get(i));
        }
        if (to >= rows.size()) {
            moved.add(moving);
        }
        rows.clear();
        rows.addAll(moved);
    }

    private Map<String, String> vars(Request q, String id, String key) {
        Map<String, String> vars = new LinkedHashMap<>(q.vars);
        vars.put("id", id == null ? "" : id);
        if (key != null) {
            vars.put("key", key);
        }
        return vars;
    }

    private String sortKey(String id) {
        return id == null ? "" : ignoreCase ? id.toLowerCase(Locale.ROOT) : id;
    }

    // ---- output ----

    private ParamSpec.Param declared(String type, String key) {
        ParamSpec.Param param = fieldsOf(type).find(key);
        if (param == null) {
            param = shown.find(key);
        }
        return param == null && key.equals(idField) ? idSpec.find(key) : param;
    }

    private Object rendered(String type, String key, String value) {
        ParamSpec.Param param = declared(type, key);
        return param == null ? value : param.render(value);
    }

    /** The keys of {@code delete}: a comma list, or (an array parameter) one value per pair, or both. */
    private static List<String> deleted(Request q) {
        List<String> keys = new ArrayList<>();
        q.all("delete").forEach(value -> keys.addAll(GuestApi.splitList(value)));
        return keys;
    }

    /** A row as a read returns it: typed values, no secrets, defaults filled in, the digest, the views' extras. */
    private Map<String, Object> render(Request q, Map<String, String> row, String digestValue, int pos) {
        String type = typeField == null ? null : row.get(typeField);
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((key, value) -> {
            ParamSpec.Param param = declared(type, key);
            if (param == null || !param.secret()) {
                out.put(key, param == null ? value : param.render(value));
            }
        });
        for (ParamSpec.Param param : fieldsOf(type).params()) {
            if (param.defaultValue() != null && !out.containsKey(param.name())) {
                out.put(param.name(), param.render(param.defaultValue()));
            }
        }
        if (kind == Kind.ORDERED && pos >= 0) {
            out.put("pos", pos);
        }
        if (digestValue != null) {
            out.put("digest", digestValue);
        }
        views.forEach(v -> v.decorate(q, row, out));
        return out;
    }

    /** PVE::Network::SDN::pending_config: the applied values, what changes, and each row's state. */
    private Map<String, Map<String, Object>> pendingView(Request q, Tables.Table table) {
        Map<String, Map<String, String>> running = byId(table.running);
        Map<String, Map<String, String>> config = byId(table.rows);
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (Map.Entry<String, Map<String, String>> entry : running.entrySet()) {
            Map<String, String> applied = entry.getValue();
            Map<String, String> now = config.get(entry.getKey());
            Map<String, Object> e = out.computeIfAbsent(entry.getKey(), k -> new LinkedHashMap<>());
            String type = typeField == null ? null : applied.get(typeField);
            for (Map.Entry<String, String> kv : new TreeMap<>(applied).entrySet()) {
                String key = kv.getKey();
                if (key.equals(idField)) {
                    continue;
                }
                e.put(key, rendered(type, key, kv.getValue()));
                if (now == null) {
                    e.put("state", "deleted");
                } else if (now.get(key) == null) {
                    pendingOf(e).put(key, "deleted");
                    e.put("state", "changed");
                } else if (!now.get(key).equals(kv.getValue())) {
                    e.put("state", "changed");
                }
            }
            if (e.containsKey("state")) {
                pendingOf(e);
            }
        }
        for (Map.Entry<String, Map<String, String>> entry : config.entrySet()) {
            Map<String, String> applied = running.get(entry.getKey());
            Map<String, Object> e = out.computeIfAbsent(entry.getKey(), k -> new LinkedHashMap<>());
            String type = typeField == null ? null : entry.getValue().get(typeField);
            for (Map.Entry<String, String> kv : new TreeMap<>(entry.getValue()).entrySet()) {
                String key = kv.getKey();
                if (key.equals(idField)) {
                    continue;
                }
                String was = applied == null ? null : applied.get(key);
                if (pendingPlainKeys.contains(key)) {
                    e.put(key, rendered(type, key, kv.getValue()));
                } else if (was == null || !was.equals(kv.getValue())) {
                    pendingOf(e).put(key, rendered(type, key, kv.getValue()));
                }
                if (applied == null) {
                    e.put("state", "new");
                } else if (was == null) {
                    e.put("state", "changed");
                }
            }
            if (e.containsKey("state")) {
                pendingOf(e);
            }
        }
        for (Map.Entry<String, Map<String, Object>> entry : out.entrySet()) {
            Map<String, Object> e = entry.getValue();
            e.put(idField, entry.getKey());
            if (digest) {
                e.put("digest", null);
            }
            Map<String, String> row = config.getOrDefault(entry.getKey(), running.get(entry.getKey()));
            views.forEach(v -> v.decorate(q, row, e));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pendingOf(Map<String, Object> entry) {
        return (Map<String, Object>) entry.computeIfAbsent("pending", k -> new LinkedHashMap<String, Object>());
    }

    private Map<String, Map<String, String>> byId(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        rows.forEach(row -> out.put(row.get(idField), row));
        return out;
    }

    /** The ids of a table, in list order (for domain code that cross-checks references). */
    Set<String> ids(Tables.Table table) {
        Set<String> out = new LinkedHashSet<>();
        table.rows.forEach(row -> out.add(row.get(idField)));
        return out;
    }
}
