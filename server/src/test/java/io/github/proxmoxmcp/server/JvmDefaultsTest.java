package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class JvmDefaultsTest {

    @Test
    void nettyJfrEventsAreOffByDefault() {
        Properties properties = new Properties();
        JvmDefaults.apply(properties);
        assertEquals("false", properties.getProperty("io.netty.jfr.enabled"));
        assertEquals(1, properties.size());
    }

    @Test
    void aPropertyTheUserSetIsKept() {
        Properties properties = new Properties();
        properties.setProperty("io.netty.jfr.enabled", "true");
        JvmDefaults.apply(properties);
        assertEquals("true", properties.getProperty("io.netty.jfr.enabled"));
    }
}
