package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static io.github.proxmoxmcp.core.testing.TaskIds.UPID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Logs, status views, RRD statistics, DNS/hosts/time and APT. */
@MicronautTest
class NodeSystemToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void syslogFromAStartLineSendsItsFiltersAndSaysWhatIsBeforeAndAfter() {
        pack.proxmox().expect("GET", "/nodes/pve1/syslog", Map.of(), 200, "OK", """
                {"data":[{"n":11,"t":"Mar 12 18:00:01 pve1 pveproxy[1]: starting"},{"n":12,"t":"Mar 12 18:00:02 pve1 pveproxy[1]: ok"}],
                 "total":14}""", -1);

        String text = pack.ok("proxmox_node_log_get", """
                {"node":"pve1","since":"2024-03-12 18:00","until":"2024-03-12","start":10,"limit":2,"service":"pveproxy"}""").text();

        assertEquals("""
                Mar 12 18:00:01 pve1 pveproxy[1]: starting
                Mar 12 18:00:02 pve1 pveproxy[1]: ok
                … 10 older lines (start=8 for the page before)
                … 2 newer lines (start=12)""", text);
        assertRequest(pack.only("GET", "/nodes/pve1/syslog"), Map.of("since", "2024-03-12 18:00", "until", "2024-03-12",
                "service", "pveproxy", "start", "10", "limit", "2"), Map.of());
    }

    @Test
    void syslogWithoutStartCountsTheLinesThenReadsTheNewest() {
        pack.proxmox().expect("GET", "/nodes/pve1/syslog", Map.of("limit", "1"), 200, "OK",
                "{\"data\":[{\"n\":1,\"t\":\"oldest\"}],\"total\":250}", -1);
        pack.proxmox().expect("GET", "/nodes/pve1/syslog", Map.of("start", "248"), 200, "OK",
                "{\"data\":[{\"n\":249,\"t\":\"second newest\"},{\"n\":250,\"t\":\"newest\"}],\"total\":250}", -1);

        String text = pack.ok("proxmox_node_log_get", "{\"node\":\"pve1\",\"limit\":2,\"since\":\"2024-03-12\"}").text();

        assertEquals("second newest\nnewest\n… 248 older lines (start=246 for the page before)", text);
        assertEquals(List.of("GET /nodes/pve1/syslog", "GET /nodes/pve1/syslog"), pack.lines());
        assertEquals(Map.of("since", "2024-03-12", "limit", "1"), pack.request(0).query());
        assertEquals(Map.of("since", "2024-03-12", "start", "248", "limit", "2"), pack.request(1).query());
    }

    @Test
    void syslogOfAnEmptyRangeSaysSoAfterCounting() {
        pack.proxmox().expect("GET", "/nodes/pve1/syslog", Map.of(), 200, "OK",
                "{\"data\":[{\"n\":0,\"t\":\"no content\"}],\"total\":0}", -1);

        assertEquals("no log lines", pack.ok("proxmox_node_log_get", "{\"node\":\"pve1\",\"until\":\"2020-01-01\"}").text());
        assertRequest(pack.only("GET", "/nodes/pve1/syslog"), Map.of("until", "2020-01-01", "limit", "1"), Map.of());
    }

    @Test
    void journalWithoutRangeAsksForTheLastEntriesAndShowsTheCursorsApart() {
        assertEquals("line a\nline b\nline c\nolder: endcursor=s=first\nnewer: startcursor=s=last",
                journal("[\"s=first\",\"line a\",\"line b\",\"line c\",\"s=last\"]", "\"limit\":3"));
        assertRequest(pack.only("GET", "/nodes/pve1/journal"), Map.of("lastentries", "3"), Map.of());
    }

    @Test
    void journalBeforeACursorAsksForTheLastEntriesBeforeIt() {
        assertEquals("line z\nolder: endcursor=s=0\nnewer: startcursor=s=abc",
                journal("[\"s=0\",\"line z\",\"s=abc\"]", "\"endcursor\":\"s=abc\",\"limit\":5"));
        assertRequest(pack.only("GET", "/nodes/pve1/journal"), Map.of("endcursor", "s=abc", "lastentries", "5"), Map.of());
    }

    @Test
    void journalFromASinceIsCutLocally() {
        assertEquals("line a\nline b\n… 1 more lines\nolder: endcursor=s=1\nnewer: startcursor=s=2",
                journal("[\"s=1\",\"line a\",\"line b\",\"line c\",\"s=2\"]",
                        "\"since\":\"1710000000\",\"endcursor\":\"s=abc\",\"limit\":2"));
        assertRequest(pack.only("GET", "/nodes/pve1/journal"), Map.of("since", "1710000000", "endcursor", "s=abc"), Map.of());
    }

    /** The text of a journal read of pve1 that Proxmox answers with these lines (cursors first and last). */
    private String journal(String lines, String arguments) {
        pack.proxmox().respond("GET", "/nodes/pve1/journal", lines);
        return pack.ok("proxmox_node_log_get", "{\"node\":\"pve1\",\"source\":\"journal\"," + arguments + "}").text();
    }

    @Test
    void logFieldsOfTheOtherSourceOrBadTimesSendNothing() {
        pack.invalid("proxmox_node_log_get", "{\"node\":\"pve1\",\"since\":\"1710000000\"}", "since must be YYYY-MM-DD");
        pack.invalid("proxmox_node_log_get", "{\"node\":\"pve1\",\"source\":\"journal\",\"since\":\"2024-03-12\"}", "UNIX epoch");
        pack.invalid("proxmox_node_log_get", "{\"node\":\"pve1\",\"source\":\"journal\",\"service\":\"sshd\"}", "source=syslog");
        pack.invalid("proxmox_node_log_get", "{\"node\":\"pve1\",\"startcursor\":\"s=1\"}", "source=journal");
        pack.invalid("proxmox_node_log_get", "{\"node\":\"pve1\",\"limit\":0}", "limit");
    }

    @Test
    void syslogWithoutPermissionIsAProxmoxError() {
        pack.proxmox().fail("GET", "/nodes/pve1/syslog", 403, "Permission check failed (/nodes/pve1, Sys.Syslog)", Map.of());

        assertEquals("Proxmox API error 403: Permission check failed (/nodes/pve1, Sys.Syslog)",
                pack.error("proxmox_node_log_get", "{\"node\":\"pve1\"}").text().lines().findFirst().orElseThrow());
    }

    @Test
    void subscriptionViewHidesTheKey() {
        pack.proxmox().respond("GET", "/nodes/pve1/subscription", """
                {"status":"active","level":"c","key":"pve2c-0123456789","signature":"sig","productname":"Proxmox VE Community",
                 "nextduedate":"2025-01-01"}""");

        String text = pack.ok("proxmox_node_status", "{\"node\":\"pve1\",\"view\":\"subscription\"}").text();

        assertEquals("""
                level: c
                nextduedate: 2025-01-01
                productname: Proxmox VE Community
                status: active""", text);
        assertRequest(pack.only("GET", "/nodes/pve1/subscription"), Map.of(), Map.of());
    }

    @Test
    void reportViewIsCutToItsBound() {
        String report = "x".repeat(NodeStatus.REPORT_MAX_CHARS + 5);
        pack.proxmox().respond("GET", "/nodes/pve1/report", "\"" + report + "\"");

        String text = pack.ok("proxmox_node_status", "{\"node\":\"pve1\",\"view\":\"report\"}").text();

        assertEquals("x".repeat(NodeStatus.REPORT_MAX_CHARS) + "\n… cut 5 of 20005 characters", text);
        assertRequest(pack.only("GET", "/nodes/pve1/report"), Map.of(), Map.of());
    }

    @Test
    void rrdSummarisesEachMetric() {
        pack.proxmox().respond("GET", "/nodes/pve1/rrddata", """
                [{"time":1710268800,"cpu":0.1,"memused":1073741824,"netin":1024,"loadavg":0.5},
                 {"time":1710268860,"cpu":0.3,"memused":3221225472,"netin":3072,"loadavg":"1.5"},
                 {"time":1710268920}]""");

        String text = pack.ok("proxmox_node_rrd_get", "{\"node\":\"pve1\",\"timeframe\":\"day\",\"cf\":\"MAX\"}").text();

        assertEquals("""
                day MAX, 3 points, 2024-03-12 18:40:00Z to 2024-03-12 18:42:00Z
                METRIC   MIN        AVG        MAX
                cpu      10.0%      20.0%      30.0%
                loadavg  0.5        1          1.5
                memused  1.0 GiB    2.0 GiB    3.0 GiB
                netin    1.0 KiB/s  2.0 KiB/s  3.0 KiB/s""", text);
        assertRequest(pack.only("GET", "/nodes/pve1/rrddata"), Map.of("timeframe", "day", "cf", "MAX"), Map.of());
    }

    @Test
    void rrdDefaultsToTheLastHour() {
        pack.proxmox().respond("GET", "/nodes/pve1/rrddata", "[]");

        assertEquals("no data for timeframe hour", pack.ok("proxmox_node_rrd_get", "{\"node\":\"pve1\"}").text());
        assertRequest(pack.only("GET", "/nodes/pve1/rrddata"), Map.of("timeframe", "hour"), Map.of());
    }

    @Test
    void rrdRejectsAnUnknownTimeframe() {
        pack.invalid("proxmox_node_rrd_get", "{\"node\":\"pve1\",\"timeframe\":\"minute\"}", "timeframe: expected one of");
    }

    @Test
    void settingsViews() {
        pack.proxmox().respond("GET", "/nodes/pve1/dns", "{\"search\":\"lab.local\",\"dns1\":\"10.0.0.1\"}");
        pack.proxmox().respond("GET", "/nodes/pve1/hosts", "{\"digest\":\"abc123\",\"data\":\"127.0.0.1 localhost\\n\"}");
        pack.proxmox().respond("GET", "/nodes/pve1/time", "{\"timezone\":\"Europe/Berlin\",\"time\":1710268800,\"localtime\":1710272400}");

        assertEquals("dns1: 10.0.0.1\nsearch: lab.local", pack.ok("proxmox_node_settings_get",
                "{\"node\":\"pve1\",\"view\":\"dns\"}").text());
        assertEquals("digest: abc123\n127.0.0.1 localhost",
                pack.ok("proxmox_node_settings_get", "{\"node\":\"pve1\",\"view\":\"hosts\"}").text());
        assertEquals("timezone: Europe/Berlin\ntime (UTC): 2024-03-12 18:40:00Z\nlocal time: 2024-03-12 19:40:00",
                pack.ok("proxmox_node_settings_get", "{\"node\":\"pve1\",\"view\":\"time\"}").text());
        assertEquals(java.util.List.of("GET /nodes/pve1/dns", "GET /nodes/pve1/hosts", "GET /nodes/pve1/time"),
                pack.lines());
    }

    @Test
    void settingsViewIsRequired() {
        pack.invalid("proxmox_node_settings_get", "{\"node\":\"pve1\"}", "view");
    }

    @Test
    void setDnsPutsSearchAndServers() {
        pack.proxmox().respond("PUT", "/nodes/pve1/dns", "null");

        String text = pack.ok("proxmox_node_settings_set",
                "{\"node\":\"pve1\",\"what\":\"dns\",\"search\":\"lab.local\",\"dns1\":\"10.0.0.1\",\"dns2\":\"1.1.1.1\"}").text();

        assertEquals("DNS settings of pve1 updated", text);
        assertRequest(pack.only("PUT", "/nodes/pve1/dns"), Map.of(), Map.of("search", "lab.local", "dns1", "10.0.0.1", "dns2", "1.1.1.1"));
    }

    @Test
    void setHostsPostsDataAndDigest() {
        pack.proxmox().respond("POST", "/nodes/pve1/hosts", "null");

        String text = pack.ok("proxmox_node_settings_set",
                "{\"node\":\"pve1\",\"what\":\"hosts\",\"data\":\"127.0.0.1 localhost\\n10.0.0.2 pve1\\n\",\"digest\":\"abc123\"}").text();

        assertEquals("/etc/hosts of pve1 written", text);
        assertRequest(pack.only("POST", "/nodes/pve1/hosts"), Map.of(),
                Map.of("data", "127.0.0.1 localhost\n10.0.0.2 pve1\n", "digest", "abc123"));
    }

    @Test
    void setTimezonePutsIt() {
        pack.proxmox().respond("PUT", "/nodes/pve1/time", "null");

        assertEquals("time zone of pve1 set to Europe/Berlin",
                pack.ok("proxmox_node_settings_set", "{\"node\":\"pve1\",\"what\":\"time\",\"timezone\":\"Europe/Berlin\"}").text());
        assertRequest(pack.only("PUT", "/nodes/pve1/time"), Map.of(), Map.of("timezone", "Europe/Berlin"));
    }

    @Test
    void settingsSetNeedsTheFieldsOfItsWhat() {
        pack.invalid("proxmox_node_settings_set", "{\"node\":\"pve1\",\"what\":\"dns\",\"dns1\":\"10.0.0.1\"}", "search is required");
        pack.invalid("proxmox_node_settings_set", "{\"node\":\"pve1\",\"what\":\"time\"}", "timezone is required");
        pack.invalid("proxmox_node_settings_set", "{\"node\":\"pve1\",\"what\":\"hosts\",\"data\":\"x\",\"timezone\":\"UTC\"}",
                "what=hosts takes only its own fields");
    }

    @Test
    void setHostsWithAStaleDigestIsAProxmoxError() {
        pack.proxmox().fail("POST", "/nodes/pve1/hosts", 500, "detected modified configuration - file changed by other user? Try again.",
                Map.of());

        String text = pack.error("proxmox_node_settings_set",
                "{\"node\":\"pve1\",\"what\":\"hosts\",\"data\":\"x\",\"digest\":\"old\"}").text();

        assertTrue(text.startsWith("Proxmox API error 500: detected modified configuration"), text);
    }

    @Test
    void aptUpdatesAreSortedAndCounted() {
        pack.proxmox().respond("GET", "/nodes/pve1/apt/update", """
                [{"Package":"pve-manager","OldVersion":"8.1.3","Version":"8.1.4","Origin":"Proxmox"},
                 {"Package":"libc6","OldVersion":"2.36-9","Version":"2.36-9+deb12u4","Origin":"Debian"}]""");

        String text = pack.ok("proxmox_node_apt_get", "{\"node\":\"pve1\"}").text();

        assertEquals("""
                2 updates
                PACKAGE      CURRENT  NEW             ORIGIN
                libc6        2.36-9   2.36-9+deb12u4  Debian
                pve-manager  8.1.3    8.1.4           Proxmox""", text);
        assertRequest(pack.only("GET", "/nodes/pve1/apt/update"), Map.of(), Map.of());
    }

    @Test
    void aptVersions() {
        pack.proxmox().respond("GET", "/nodes/pve1/apt/versions", """
                [{"Package":"proxmox-ve","Version":"8.1.0","CurrentState":"Installed"},
                 {"Package":"ceph","CurrentState":"ConfigFiles","OldVersion":"17.2.7"}]""");

        String text = pack.ok("proxmox_node_apt_get", "{\"node\":\"pve1\",\"view\":\"versions\"}").text();

        assertEquals("""
                PACKAGE     VERSION  STATE
                proxmox-ve  8.1.0    Installed
                ceph        17.2.7   ConfigFiles""", text);
        assertRequest(pack.only("GET", "/nodes/pve1/apt/versions"), Map.of(), Map.of());
    }

    @Test
    void aptRefreshPostsAndWaitsOnTheTask() {
        pack.taskEndsOk("POST", "/nodes/pve1/apt/update");

        assertEquals("package index refresh on pve1: task OK (" + UPID + ")",
                pack.ok("proxmox_node_apt_refresh", "{\"node\":\"pve1\"}").text());
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/apt/update"), Map.of(), Map.of());
    }

    @Test
    void aptRefreshWithoutWaitingReturnsTheUpid() {
        pack.taskEndsOk("POST", "/nodes/pve1/apt/update");

        assertEquals("package index refresh on pve1: started, task " + UPID,
                pack.ok("proxmox_node_apt_refresh", "{\"node\":\"pve1\",\"wait\":false}").text());
        assertRequest(pack.only("POST", "/nodes/pve1/apt/update"), Map.of(), Map.of());
    }
}
