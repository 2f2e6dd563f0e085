package io.github.proxmoxmcp.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain aligned text table: a header line, then one line per row, columns padded to fit. */
public final class Table {

    private final String[] headers;
    private final List<String[]> rows = new ArrayList<>();

    private Table(String... headers) {
        this.headers = headers;
    }

    public static Table of(String... headers) {
        return new Table(headers);
    }

    public Table row(Object... cells) {
        String[] row = new String[headers.length];
        for (int i = 0; i < headers.length; i++) {
            Object cell = i < cells.length ? cells[i] : null;
            row[i] = cell == null ? "-" : cell.toString().replace('\n', ' ');
        }
        rows.add(row);
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** All rows. */
    public String render() {
        return render(Integer.MAX_VALUE);
    }

    /** At most {@code limit} rows, then a line saying how many were left out. */
    public String render(int limit) {
        List<String[]> shown = rows.subList(0, Math.min(limit, rows.size()));
        int[] widths = Arrays.stream(headers).mapToInt(String::length).toArray();
        for (String[] row : shown) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        shown.forEach(row -> line(out, row, widths));
        if (rows.size() > shown.size()) {
            out.append("… ").append(rows.size() - shown.size()).append(" more (raise limit or filter)\n");
        }
        return out.toString().stripTrailing();
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(cells[i]);
            if (i < cells.length - 1) {
                line.append(" ".repeat(widths[i] - cells[i].length() + 2));
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
