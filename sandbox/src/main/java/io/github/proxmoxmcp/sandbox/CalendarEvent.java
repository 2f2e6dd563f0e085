package io.github.proxmoxmcp.sandbox;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Proxmox calendar event ({@code pve-calendar-event}) without its date part: {@code [WEEKDAYS] [HOURS:]MINUTES},
 * where each field is {@code *}, a value, a range {@code a..b}, a repetition {@code start/step}, or a comma list of
 * these, plus the words {@code minutely}, {@code hourly}, {@code daily} and {@code weekly}. Weekdays alone mean 00:00;
 * one time value alone is the minute. Evaluated in UTC, the sandbox's time zone.
 */
record CalendarEvent(Set<DayOfWeek> days, BitSet hours, BitSet minutes) {

    private static final Map<String, String> WORDS = Map.of("minutely", "*:*", "hourly", "*:0", "daily", "0:0",
            "weekly", "mon 0:0");
    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /** The event, or an exception whose message says what the sandbox cannot read. */
    static CalendarEvent parse(String text) {
        String spec = WORDS.getOrDefault(text.trim().toLowerCase(), text.trim().toLowerCase());
        String[] parts = spec.split("\\s+");
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        int next = 0;
        if (parts[0].matches("[a-z].*")) {
            days = days(parts[0]);
            next = 1;
        }
        if (parts.length - next > 1 || parts.length > next && parts[next].contains("-")) {
            throw new IllegalArgumentException("the sandbox computes calendar events without a date part: '" + text + "'");
        }
        if (parts.length == next) {
            return new CalendarEvent(days, values("0", 24), values("0", 60));
        }
        String time = parts[next];
        int colon = time.indexOf(':');
        if (colon < 0) {
            return new CalendarEvent(days, values("*", 24), values(time, 60));
        }
        return new CalendarEvent(days, values(time.substring(0, colon), 24), values(time.substring(colon + 1), 60));
    }

    /** The first time after {@code after} (epoch seconds) the event fires, within the next eight days; or null. */
    Long next(long after) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(after), ZoneOffset.UTC).withSecond(0).withNano(0)
                .plusMinutes(1);
        for (int i = 0; i < 8 * 24 * 60; i++, t = t.plusMinutes(1)) {
            if (days.contains(t.getDayOfWeek()) && hours.get(t.getHour()) && minutes.get(t.getMinute())) {
                return t.toEpochSecond(ZoneOffset.UTC);
            }
        }
        return null;
    }

    private static Set<DayOfWeek> days(String field) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : field.split(",")) {
            String[] range = item.split("\\.\\.", -1);
            int from = day(range[0]);
            int to = range.length > 1 ? day(range[1]) : from;
            for (int d = from; ; d = (d + 1) % 7) {
                days.add(DayOfWeek.of(d + 1));
                if (d == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static int day(String name) {
        int index = DAY_NAMES.indexOf(name.length() > 3 ? name.substring(0, 3) : name);
        if (index < 0) {
            throw new IllegalArgumentException("unknown weekday '" + name + "'");
        }
        return index;
    }

    /** The values of one time field in {@code 0..limit-1}. */
    private static BitSet values(String field, int limit) {
        BitSet set = new BitSet(limit);
        for (String item : field.split(",")) {
            String[] repeat = item.split("/", -1);
            String base = repeat[0];
            int step = repeat.length > 1 ? number(repeat[1], limit) : 0;
            int from;
            int to;
            if (base.equals("*")) {
                from = 0;
                to = limit - 1;
            } else if (base.contains("..")) {
                from = number(base.substring(0, base.indexOf("..")), limit);
                to = number(base.substring(base.indexOf("..") + 2), limit);
            } else {
                from = number(base, limit);
                to = step > 0 ? limit - 1 : from;
            }
            for (int v = from; v <= to; v += Math.max(1, step)) {
                set.set(v);
            }
        }
        return set;
    }

    private static int number(String text, int limit) {
        if (!text.matches("\\d{1,2}") || Integer.parseInt(text) >= limit) {
            throw new IllegalArgumentException("value '" + text + "' out of range 0.." + (limit - 1));
        }
        return Integer.parseInt(text);
    }
}
