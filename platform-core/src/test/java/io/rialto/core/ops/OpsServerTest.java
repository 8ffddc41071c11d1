package io.rialto.core.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.rialto.core.config.ConfigLoader;
import io.rialto.core.kernel.Platform;
import io.rialto.core.plugin.PluginJars;
import io.rialto.core.plugin.PluginProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every endpoint of the operations API over real HTTP, including the 401, 400 and 404 answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsServerTest {
    private static final String TOKEN = "s3cret-token";
    private final ObjectMapper mapper = new ObjectMapper();

    private Path dir;
    private Platform platform;
    private OpsServer server;
    private OpsClientSupport http;
    private final AtomicReference<HealthMode> mode = new AtomicReference<>(HealthMode.FULL);
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        audit.start();
        ((Logger) LoggerFactory.getLogger("rialto.audit")).addAppender(audit);
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        platform = OpsTestPlatform.start(plugins, """
                rialto.strategies = [
                  { id = a, kind = one-bid, symbols = [ABC], account = ACC-A }
                  { id = b, kind = one-bid, symbols = [ABC], account = ACC-B }
                ]
                """);
        platform.strategyStats().toCompletableFuture().join();
        OpsSettings settings = OpsSettings.create(ConfigFactory.parseString(
                "rialto.ops { port = 0, max-upload-size = 256k, token = \"" + TOKEN + "\" }")
                .withFallback(ConfigLoader.defaults()), name -> null);
        server = OpsServer.start(platform, ConfigFactory.parseMap(Map.of("rialto.risk.max-order-qty", 1000)),
                settings, mode::get, new PlatformCollector(platform, mode::get)::scrape);
        http = new OpsClientSupport(server.port(), TOKEN);
    }

    @AfterAll
    void stop() {
        ((Logger) LoggerFactory.getLogger("rialto.audit")).detachAppender(audit);
        if (server != null) {
            server.close();
        }
        if (platform != null) {
            platform.shutdown();
        }
    }

    private JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        return mapper.readTree(response.body());
    }

    private void assertError(HttpResponse<String> response, int status, String contains) throws Exception {
        JsonNode body = json(response, status);
        assertTrue(body.path("error").asText().contains(contains), body.toString());
    }

    @Test
    void shouldAnswerHealthWithoutAToken() throws Exception {
        JsonNode body = json(http.getWithToken("/health", null), 200);
        assertEquals("UP", body.get("status").asText());
        assertEquals("FULL", body.get("mode").asText());
    }

    @Test
    void shouldShowTheHealthModeInHealthStatusAndMetrics() throws Exception {
        mode.set(HealthMode.EMERGENCY);
        try {
            JsonNode health = json(http.getWithToken("/health", null), 200);
            assertEquals("EMERGENCY", health.get("mode").asText());
            assertEquals("UP", health.get("status").asText());
            assertEquals("EMERGENCY", json(http.get("/api/status"), 200).get("mode").asText());
            String metrics = http.get("/metrics").body();
            assertTrue(metrics.contains("rialto_health_mode{mode=\"EMERGENCY\"} 1"), metrics);
            assertTrue(metrics.contains("rialto_health_mode{mode=\"FULL\"} 0"), metrics);
            assertError(http.post("/api/strategies/reduced-1/start",
                    "{\"kind\": \"one-bid\", \"symbols\": [\"ABC\"], \"account\": \"A\"}"), 503,
                    "new strategies are refused");
        } finally {
            mode.set(HealthMode.FULL);
        }
    }

    @Test
    void shouldRefuseAMissingOrWrongToken() throws Exception {
        HttpResponse<String> none = http.getWithToken("/api/status", null);
        assertError(none, 401, "bearer token");
        assertEquals("Bearer realm=\"rialto\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
        assertError(http.getWithToken("/api/status", "wrong"), 401, "bearer token");
        assertError(http.getWithToken("/metrics", "wrong"), 401, "bearer token");
        assertError(http.getWithToken("/api/strategies", TOKEN + "x"), 401, "bearer token");
    }

    @Test
    void shouldShowStatus() throws Exception {
        JsonNode body = json(http.get("/api/status"), 200);
        assertEquals("FULL", body.get("mode").asText());
        assertEquals(List.of("TEST"), List.of(body.get("venues").get(0).asText()));
        assertEquals(1, body.get("symbols").asInt());
        assertTrue(body.get("strategiesRunning").asInt() >= 2, body.toString());
        assertTrue(body.get("counters").has("marketDataEvents"), body.toString());
        assertEquals(1, body.get("symbolsPerTier").get("warm").asInt(), body.toString());
        JsonNode session = body.get("venueSessions").get(0);
        assertEquals("TEST", session.get("venue").asText(), body.toString());
        assertEquals("connected", session.get("state").asText(), body.toString());
        assertFalse(session.get("feedStale").asBoolean(), body.toString());
        assertEquals(0, session.get("feedReconnects").asLong(), "an in-process feed never reconnects");
    }

    @Test
    void shouldListStrategiesAndShowOne() throws Exception {
        JsonNode list = json(http.get("/api/strategies"), 200);
        assertTrue(list.get("strategies").toString().contains("\"strategyId\":\"a\""), list.toString());
        JsonNode a = json(http.get("/api/strategies/a"), 200);
        assertEquals("a", a.get("strategyId").asText());
        assertError(http.get("/api/strategies/nope"), 404, "no running strategy nope");
    }

    @Test
    void shouldShowABook() throws Exception {
        JsonNode book = json(http.get("/api/books/ABC?depth=2"), 200);
        assertEquals("ABC", book.get("symbol").asText());
        JsonNode venue = book.get("venues").get(0);
        assertEquals("TEST", venue.get("venue").asText());
        assertEquals("100.00", venue.get("bids").get(0).get("price").asText());
        assertEquals("100.05", venue.get("asks").get(0).get("price").asText());
        assertError(http.get("/api/books/XYZ"), 404, "no symbol XYZ");
        assertError(http.get("/api/books/ABC?depth=zero"), 400, "depth");
        assertError(http.get("/api/books/ABC?depth=0"), 400, "depth");
    }

    @Test
    void shouldListOpenOrdersAndRefuseAnythingButOpen() throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        JsonNode orders = json(http.get("/api/orders?open=true"), 200).get("orders");
        while (orders.isEmpty() && System.nanoTime() < deadline) { // the strategy rests its bid on its first book
            orders = json(http.get("/api/orders?open=true"), 200).get("orders");
        }
        assertTrue(orders.size() >= 1, orders.toString());
        for (JsonNode bid : orders) { // each running strategy rests one bid of 1 lot below the best bid
            assertTrue(List.of("a", "b").contains(bid.get("strategyId").asText()), bid.toString());
            assertEquals("ABC", bid.get("symbol").asText());
            assertEquals("BUY", bid.get("side").asText());
            assertEquals("99.99", bid.get("price").asText());
            assertEquals("1", bid.get("leaves").asText());
            assertTrue(List.of("NEW", "PENDING_NEW").contains(bid.get("status").asText()), bid.toString());
        }
        assertEquals(200, http.get("/api/orders").statusCode(), "no parameter: the open ones");
        assertError(http.get("/api/orders?open=false"), 400, "open=true");
    }

    @Test
    void shouldShowPositionsAndLimits() throws Exception {
        JsonNode positions = json(http.get("/api/positions"), 200).get("positions");
        assertEquals("ABC", positions.get(0).get("symbol").asText());
        assertEquals(3, positions.get(0).get("qtyLots").asLong());
        JsonNode limits = json(http.get("/api/risk/limits"), 200);
        assertEquals(1000, limits.get("configured").get("max-order-qty").asInt());
    }

    @Test
    void shouldChangeARiskLimitAndRefuseBadChanges() throws Exception {
        JsonNode ok = json(http.put("/api/risk/limits/max-order-qty", "{\"value\": \"500\", \"reason\": \"calm\"}"),
                200);
        assertEquals("500", ok.get("value").asText());
        assertEquals("500", json(http.get("/api/risk/limits"), 200).get("changedAtRunTime").get("max-order-qty")
                .asText());
        assertError(http.put("/api/risk/limits/max-position", "{\"value\": \"5\", \"reason\": \"x\"}"), 400,
                "cannot be changed at run time");
        assertError(http.put("/api/risk/limits/max-order-qty", "{\"value\": \"5\"}"), 400, "'reason' is required");
        assertError(http.put("/api/risk/limits/max-order-qty", "{\"value\": "), 400, "malformed JSON");
        assertError(http.post("/api/risk/limits/max-order-qty", "{}"), 405, "PUT");
    }

    @Test
    void shouldPullTheKillSwitchAndValidateTheRequest() throws Exception {
        JsonNode done = json(http.post("/api/kill-switch",
                "{\"scope\": \"strategy\", \"target\": \"b\", \"reason\": \"b misbehaves\"}"), 200);
        assertEquals("STRATEGY", done.get("scope").asText());
        assertTrue(audit.list.stream().map(ILoggingEvent::getFormattedMessage).anyMatch(line ->
                line.startsWith("POST /api/kill-switch by ops-api@127.0.0.1:") && line.contains("-> 200")
                        && line.contains("kill switch STRATEGY b") && line.contains("reason: b misbehaves")),
                audit.list.toString());
        assertError(http.post("/api/kill-switch", "{\"scope\": \"strategy\", \"target\": \"b\"}"), 400,
                "'reason' is required");
        assertError(http.post("/api/kill-switch", "{\"scope\": \"planet\", \"reason\": \"x\"}"), 400,
                "scope must be one of");
        assertError(http.post("/api/kill-switch", "{\"scope\": \"venue\", \"reason\": \"x\"}"), 400,
                "'target' is required");
        assertError(http.post("/api/kill-switch", "{\"scope\": \"global\", \"target\": \"x\", \"reason\": \"x\"}"),
                400, "no target");
        assertError(http.post("/api/kill-switch", "not json"), 400, "malformed JSON");
        assertError(http.post("/api/kill-switch", "[1, 2]"), 400, "JSON object");
        assertError(http.post("/api/kill-switch", "{\"scope\": \"venue\", \"target\": \"NOPE\", \"reason\": \"x\"}"),
                404, "no venue NOPE");
        assertError(http.post("/api/kill-switch", "{\"scope\": \"strategy\", \"target\": \"zz\", \"reason\": \"x\"}"),
                404, "no running strategy zz");
    }

    @Test
    void shouldStartAndStopAStrategy() throws Exception {
        String declaration = "{\"kind\": \"one-bid\", \"symbols\": [\"ABC\"], \"account\": \"ACC-L\", "
                + "\"params\": {}, \"reason\": \"more liquidity\"}";
        json(http.post("/api/strategies/late/start", declaration), 200);
        assertEquals("late", json(http.get("/api/strategies/late"), 200).get("strategyId").asText());
        assertError(http.post("/api/strategies/late/start", declaration), 409, "already running");
        JsonNode stopped = json(http.post("/api/strategies/late/stop", "{\"reason\": \"enough\"}"), 200);
        assertEquals("late", stopped.get("strategyId").asText());
        assertError(http.post("/api/strategies/late/stop", ""), 404, "no running strategy late");
        assertError(http.get("/api/strategies/late"), 404, "no running strategy late");
        assertError(http.post("/api/strategies/x/start", "{\"symbols\": [\"ABC\"], \"account\": \"A\"}"), 400,
                "'kind' is required");
        assertError(http.post("/api/strategies/x/start", "{\"kind\": \"one-bid\", \"account\": \"A\"}"), 400,
                "'symbols' is required");
        assertError(http.post("/api/strategies/x/start",
                "{\"kind\": \"nope\", \"symbols\": [\"ABC\"], \"account\": \"A\"}"), 400, "unknown strategy kind");
        assertError(http.post("/api/strategies/x/start", "{\"kind\": "), 400, "malformed JSON");
    }

    @Test
    void shouldDeployAPluginJar() throws Exception {
        Path upload = Files.createDirectories(dir.resolve("upload"));
        Path jar = PluginJars.build(upload, "probe.jar", Map.of("probe.ProbeFactory",
                PluginProbe.strategySource("v1")), List.of("probe.ProbeFactory"));
        JsonNode result = json(http.postBytes("/api/strategies?name=probe.jar", Files.readAllBytes(jar)), 200);
        assertEquals("probe", result.get("kinds").get(0).asText());
        assertTrue(platform.strategies().catalog().kinds().containsKey("probe"));
        assertError(http.postBytes("/api/strategies", Files.readAllBytes(jar)), 400, "name the plug-in");
        assertError(http.postBytes("/api/strategies?name=../evil.jar", Files.readAllBytes(jar)), 400,
                "name the plug-in");
        assertError(http.postBytes("/api/strategies?name=broken.jar", new byte[] {1, 2, 3}), 400, "not deployed");
        assertError(http.postBytes("/api/strategies?name=empty.jar", new byte[0]), 400, "plug-in JAR");
    }

    @Test
    void shouldRefuseAnUploadOverTheLimit() throws Exception {
        assertError(http.postBytes("/api/strategies?name=big.jar", new byte[300 * 1024]), 413, "max-upload-size");
    }

    @Test
    void shouldFailClearlyWhenThePortIsTaken() {
        OpsSettings taken = OpsSettings.create(ConfigFactory.parseString("rialto.ops { port = " + server.port()
                + ", token = t }").withFallback(ConfigLoader.defaults()), name -> null);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> OpsServer.start(platform, ConfigFactory.empty(), taken, mode::get, () -> ""));
        assertTrue(e.getMessage().contains("could not bind 127.0.0.1:" + server.port()), e.getMessage());
    }

    @Test
    void shouldAnswerUnknownEndpointsWith404() throws Exception {
        assertError(http.get("/api/nothing"), 404, "no such endpoint");
        assertError(http.get("/elsewhere"), 404, "no such endpoint");
        assertError(http.post("/api/status", "{}"), 405, "GET");
    }

    @Test
    void shouldServeMetricsInThePrometheusTextFormat() throws Exception {
        platform.metrics().tickToTrade.recordValue(20_000);
        platform.metrics().tickToTrade.recordValue(40_000);
        platform.metrics().drain();
        HttpResponse<String> response = http.get("/metrics");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        Pattern sample = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)");
        Map<String, Double> series = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                assertTrue(line.isEmpty() || line.matches("# (HELP|TYPE) rialto_\\w+ .*"), line);
                continue;
            }
            Matcher m = sample.matcher(line);
            assertTrue(m.matches(), "not an exposition line: " + line);
            assertTrue(m.group(1).startsWith("rialto_"), line);
            series.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
        }
        for (String name : List.of("rialto_market_data_events_total", "rialto_orders_submitted_total",
                "rialto_orders_rejected_total", "rialto_fills_total", "rialto_conflated_updates_total",
                "rialto_risk_rejects_total{reason=\"KILL_SWITCH\"}", "rialto_tick_to_trade_seconds_count",
                "rialto_symbols{tier=\"hot\"}", "rialto_symbols{tier=\"warm\"}",
                "rialto_health_mode{mode=\"FULL\"}", "rialto_jvm_memory_used_bytes{area=\"heap\"}",
                "rialto_jvm_threads", "rialto_stage_latency_seconds_count{stage=\"risk_check\"}",
                "rialto_mailbox_depth{actor=\"strategy\"}", "rialto_mailbox_max_depth{actor=\"book\"}",
                "rialto_mailbox_saturation{actor=\"risk\"}", "rialto_mailbox_depth{actor=\"venue\"}")) {
            assertTrue(series.containsKey(name), name + " in " + series.keySet());
        }
        assertTrue(series.get("rialto_market_data_events_total") >= 1, series.toString());
        assertTrue(series.get("rialto_tick_to_trade_seconds_count") >= 2, series.toString());
        double below100us = series.get("rialto_tick_to_trade_latency_seconds_bucket{le=\"1.0E-4\"}");
        double all = series.get("rialto_tick_to_trade_latency_seconds_bucket{le=\"+Inf\"}");
        assertEquals(series.get("rialto_tick_to_trade_seconds_count"), all, "the histogram counts every sample");
        assertTrue(below100us >= 1 && below100us <= all, "cumulative buckets: " + below100us + " of " + all);
        double p99 = series.get("rialto_tick_to_trade_seconds{quantile=\"0.99\"}");
        assertTrue(p99 > 0 && p99 < 60, "p99 in seconds: " + p99);
        assertEquals(1.0, series.get("rialto_symbols{tier=\"warm\"}"));
        assertEquals(1.0, series.get("rialto_health_mode{mode=\"FULL\"}"));
        assertEquals(0.0, series.get("rialto_health_mode{mode=\"SAFE\"}"));
        assertTrue(series.keySet().stream().anyMatch(k -> k.startsWith("rialto_jvm_gc_collections_total{gc=")),
                series.keySet().toString());
        assertEquals(0.0, series.get("rialto_symbols{tier=\"cold\"}"));
        assertEquals(0.0, series.get("rialto_tier_moves_total"));
        assertEquals(1.0, series.entrySet().stream()
                .filter(e -> e.getKey().startsWith("rialto_venue_session_state{")
                        && e.getKey().contains("state=\"connected\""))
                .mapToDouble(Map.Entry::getValue).sum(), "the one venue session is connected: " + series.keySet());
        assertTrue(series.keySet().stream().anyMatch(k -> k.startsWith("rialto_venue_disconnects_total{venue=")),
                series.keySet().toString());
        assertEquals(0.0, series.get("rialto_venue_feed_reconnects_total{venue=\"TEST\"}"), series.keySet().toString());
    }
}
