package io.rialto.core.ops;

import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigError;
import io.rialto.core.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpsSettingsTest {

    private static OpsSettings read(String conf, String envToken) {
        return OpsSettings.create(ConfigFactory.parseString(conf).withFallback(ConfigLoader.defaults()),
                name -> name.equals(OpsSettings.TOKEN_ENV) ? envToken : null);
    }

    @Test
    void shouldDefaultToLoopback8080WithoutAToken() {
        OpsSettings s = read("", null);
        assertEquals("127.0.0.1", s.host());
        assertEquals(8080, s.port());
        assertNull(s.token());
        assertTrue(s.enabled());
    }

    @Test
    void shouldTakeTheTokenFromTheEnvironmentWhenTheConfigHasNone() {
        assertEquals("from-env", read("", "from-env").token());
        assertEquals("from-conf", read("rialto.ops.token = from-conf", "from-env").token());
    }

    @Test
    void shouldRefuseANonLoopbackBindWithoutAToken() {
        ConfigError e = assertThrows(ConfigError.class, () -> read("rialto.ops.host = \"0.0.0.0\"", null));
        assertTrue(e.getMessage().contains("not a loopback address"), e.getMessage());
        assertEquals("0.0.0.0", read("rialto.ops.host = \"0.0.0.0\"", "t").host());
    }

    @Test
    void shouldNeverPrintTheToken() {
        assertTrue(!read("", "very-secret").toString().contains("very-secret"));
    }
}
