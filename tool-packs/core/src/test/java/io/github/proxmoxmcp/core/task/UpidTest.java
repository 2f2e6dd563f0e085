package io.github.proxmoxmcp.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpidTest {

    @Test
    void parsesEveryField() {
        String text = "UPID:pve1:0000C0DE:0012D687:6740A1B2:qmstart:100:root@pam:";
        Upid upid = Upid.parse(text).orElseThrow();
        assertEquals(new Upid(text, "pve1", "qmstart", "100", "root@pam", 0x6740A1B2L), upid);
        assertEquals(text, upid.value());
        assertEquals(text, upid.toString());
    }

    @Test
    void startTimeIsDecodedFromHex() {
        Upid upid = Upid.parse("UPID:pve1:0000C0DE:0012D687:6740A1B2:qmstart:100:root@pam:").orElseThrow();
        assertEquals(1732288946L, upid.startTime());
        assertEquals(Instant.parse("2024-11-22T15:22:26Z"), Instant.ofEpochSecond(upid.startTime()));
    }

    @Test
    void keepsATokenUser() {
        Upid upid = Upid.parse("UPID:pve-2:00001234:00ABCDEF:65000000:vzdump::root@pam!mcp:").orElseThrow();
        assertEquals("pve-2", upid.node());
        assertEquals("vzdump", upid.type());
        assertEquals("", upid.id());
        assertEquals("root@pam!mcp", upid.user());
        assertEquals(0x65000000L, upid.startTime());
    }

    @Test
    void acceptsIdsWithoutTheTrailingColonField() {
        // anything after the user is ignored, but the user field itself must be there
        assertEquals(Optional.empty(), Upid.parse("UPID:pve1:0000C0DE:0012D687:6740A1B2:qmstart:100"));
    }

    @Test
    void malformedIsEmpty() {
        assertEquals(Optional.empty(), Upid.parse(null));
        assertEquals(Optional.empty(), Upid.parse(""));
        assertEquals(Optional.empty(), Upid.parse("OK"));
        assertEquals(Optional.empty(), Upid.parse("upid:pve1:0000C0DE:0012D687:6740A1B2:qmstart:100:root@pam:"));
        assertEquals(Optional.empty(), Upid.parse("UPID::0000C0DE:0012D687:6740A1B2:qmstart:100:root@pam:"));
        assertEquals(Optional.empty(), Upid.parse("UPID:pve1:0000C0DE:0012D687:nothex:qmstart:100:root@pam:"));
        assertEquals(Optional.empty(), Upid.parse("UPID:pve1:0000C0DE"));
    }
}
