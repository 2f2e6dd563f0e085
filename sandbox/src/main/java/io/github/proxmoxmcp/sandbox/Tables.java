package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of every declared collection, by concrete collection path ({@code /cluster/firewall/ipset/office}). A row
 * is the item as its config file holds it: key to text value, the id included under its field name.
 */
final class Tables {

    /** One collection's rows, in list order, and for pending-then-apply collections the applied copy. */
    static final class Table {

        final String group;
        final List<Map<String, String>> rows = new ArrayList<>();
        List<Map<String, String>> running = new ArrayList<>();

        Table(String group) {
            this.group = group;
        }

        /** Appends a row given as alternating keys and values; returns it so a seed can go on filling it. */
        Map<String, String> add(String... keysAndValues) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                row.put(keysAndValues[i], keysAndValues[i + 1]);
            }
            rows.add(row);
            return row;
        }

        /** What Proxmox calls the digest of the config: it changes with every write to this collection. */
        String digest() {
            StringBuilder text = new StringBuilder();
            for (Map<String, String> row : rows) {
                row.forEach((k, v) -> text.append(k).append(':').append(v).append('\n'));
                text.append('\n');
            }
            return Configs.sha1(text.toString());
        }

        void commit() {
            running = copy(rows);
        }

        void rollback() {
            rows.clear();
            rows.addAll(copy(running));
        }
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final List<Map.Entry<String, Runnable>> deferred = new ArrayList<>();

    /** Runs {@code seed} before the first use of a table whose key starts with {@code prefix}. */
    void defer(String prefix, Runnable seed) {
        deferred.add(Map.entry(prefix, seed));
    }

    Table table(String key, String group) {
        seedFor(key);
        return tables.computeIfAbsent(key, k -> new Table(group));
    }

    /** The table at {@code key}, or {@code null} when nothing was ever written there. */
    Table find(String key) {
        seedFor(key);
        return tables.get(key);
    }

    private void seedFor(String key) {
        if (deferred.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Runnable> entry : List.copyOf(deferred)) {
            if (key.startsWith(entry.getKey())) {
                deferred.remove(entry);
                entry.getValue().run();
            }
        }
    }

    void remove(String key) {
        tables.remove(key);
    }

    /** Moves a table to another key (a renamed IP set keeps its entries). */
    void move(String from, String to) {
        Table table = tables.remove(from);
        if (table != null) {
            tables.put(to, table);
        }
    }

    /** Every table by key, for changes that reach across collections (a renamed security group). */
    Map<String, Table> all() {
        return java.util.Collections.unmodifiableMap(tables);
    }

    /** Applies the pending state of every table of a group (SDN's {@code PUT /cluster/sdn}). */
    void commit(String group) {
        for (Table table : tables.values()) {
            if (group.equals(table.group)) {
                table.commit();
            }
        }
    }

    /** Discards the pending state of every table of a group (SDN's {@code POST /cluster/sdn/rollback}). */
    void rollback(String group) {
        for (Table table : tables.values()) {
            if (group.equals(table.group)) {
                table.rollback();
            }
        }
    }

    /** Whether any table of the group differs from what was applied. */
    boolean pending(String group) {
        for (Table table : tables.values()) {
            if (group.equals(table.group) && !table.rows.equals(table.running)) {
                return true;
            }
        }
        return false;
    }

    static List<Map<String, String>> copy(List<Map<String, String>> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        rows.forEach(row -> out.add(new LinkedHashMap<>(row)));
        return out;
    }
}
