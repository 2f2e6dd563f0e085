package io.github.proxmoxmcp.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void masksCredentials() {
        assertEquals("Authorization: PVEAPIToken=root@pam!mcp=***",
                Redaction.redact("Authorization: PVEAPIToken=root@pam!mcp=0e4c-secret-uuid"));
        assertEquals("cookie PVE:***", Redaction.redact("cookie PVE:root@pam:6743A1B2::c2lnbmF0dXJl"));
        assertEquals("form username=root@pam&password=***", Redaction.redact("form username=root@pam&password=hunter2"));
        assertEquals("CSRFPreventionToken: ***", Redaction.redact("CSRFPreventionToken: 6743A1B2:abcdef"));
        assertEquals("{\"ticket\":\"***\",\"CSRFPreventionToken\":\"***\"}",
                Redaction.redact("{\"ticket\":\"PVE:root@pam:6743A1B2::c2ln\",\"CSRFPreventionToken\":\"6743A1B2:Y3Ny\"}"));
        assertEquals("type=influxdb&server=10.0.0.5&token=***&otel-headers=***",
                Redaction.redact("type=influxdb&server=10.0.0.5&token=Zz9-influx&otel-headers=eyJBIjoiQiJ9"));
        assertEquals("keyboard=de&http_proxy=***", Redaction.redact("keyboard=de&http_proxy=http%3A%2F%2Fu%3Apw%40proxy%3A3128"));
        assertEquals("nothing secret here", Redaction.redact("nothing secret here"));
    }

    @Test
    void masksWriteOnlyStorageKeysInFormsAndJson() {
        assertEquals("storage=pbs&encryption-key=***&keyring=***&master-pubkey=***",
                Redaction.redact("storage=pbs&encryption-key=%7B%22kdf%22%3Anull%7D&keyring=%5Bclient%5D%0Akey&master-pubkey=LS0t"));
        assertEquals("{\"data\":{\"config\":{\"encryption-key\":\"***\"}},\"keyring\":\"***\",\"server\":\"pbs\"}",
                Redaction.redact("{\"data\":{\"config\":{\"encryption-key\":\"{\\\"kdf\\\":null,\\\"key\\\":\\\"c2VjcmV0\\\"}\"}},"
                        + "\"keyring\":\"[client.admin] key = AQB==\",\"server\":\"pbs\"}"));
    }
}
