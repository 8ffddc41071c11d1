package io.rialto.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import io.rialto.core.config.ConfigError;
import io.rialto.core.config.RialtoSettings.StrategyDeclaration;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.RiskScope;
import io.rialto.core.kernel.BookDirectory;
import io.rialto.core.kernel.BookUpdate;
import io.rialto.core.kernel.OpenOrder;
import io.rialto.core.kernel.Platform;
import io.rialto.core.kernel.RiskGate;
import io.rialto.core.kernel.StrategyDirector;
import io.rialto.core.kernel.StrategyHost;
import io.rialto.core.kernel.SymbolBook;
import io.rialto.core.kernel.VenueSession;
import io.rialto.core.metrics.PlatformMetrics;
import io.rialto.core.spi.RiskCheck;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The endpoints of the operations API: each turns an authenticated {@link OpsRequest} into a {@link Reply}
 * by asking the platform. Calls that block (starting, stopping and deploying strategies) run on the
 * {@code executor}, never on a dispatcher thread.
 */
final class OpsRoutes {
    private static final Pattern JAR_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}\\.jar");
    private static final int MAX_DEPTH = 50;

    private final Platform platform;
    private final Config config;
    private final ObjectMapper mapper;
    private final Executor executor;
    private final Duration timeout;
    private final Supplier<HealthMode> mode;
    private final Supplier<String> metricsText;
    private final long startedNs = System.nanoTime();
    /** Limits changed through the API since start, by path under rialto.risk. */
    private final Map<String, String> changedLimits = new ConcurrentSkipListMap<>();

    OpsRoutes(Platform platform, Config config, ObjectMapper mapper, Executor executor, Duration timeout,
              Supplier<HealthMode> mode, Supplier<String> metricsText) {
        this.platform = platform;
        this.config = config;
        this.mapper = mapper;
        this.executor = executor;
        this.timeout = timeout;
        this.mode = mode;
        this.metricsText = metricsText;
    }

    Map<String, Object> health() {
        return Map.of("status", "UP", "mode", mode.get().name());
    }

    /** Dispatches by method and path; 404 for an unknown endpoint, 405 for a known one with another method. */
    CompletionStage<Reply> route(OpsRequest r) {
        List<String> s = r.segments();
        String m = r.method();
        if (s.equals(List.of("metrics"))) {
            return expect(m, "GET", () -> CompletableFuture.supplyAsync(() -> Reply.text(metricsText.get()),
                    executor));
        }
        if (s.size() < 2 || !s.get(0).equals("api")) {
            throw OpsException.notFound("no such endpoint: " + r.path());
        }
        String area = s.get(1);
        int n = s.size();
        if (area.equals("status") && n == 2) {
            return expect(m, "GET", this::status);
        }
        if (area.equals("strategies")) {
            if (n == 2) {
                return m.equals("POST") ? blocking(() -> deploy(r)) : expect(m, "GET", this::strategies);
            }
            if (n == 3) {
                return expect(m, "GET", () -> strategy(s.get(2)));
            }
            if (n == 4 && s.get(3).equals("stop")) {
                return expect(m, "POST", () -> blocking(() -> stop(s.get(2), r)));
            }
            if (n == 4 && s.get(3).equals("start")) {
                return expect(m, "POST", () -> blocking(() -> start(s.get(2), r)));
            }
        }
        if (area.equals("books") && n == 3) {
            return expect(m, "GET", () -> book(s.get(2), r.query().get("depth")));
        }
        if (area.equals("positions") && n == 2) {
            return expect(m, "GET", this::positions);
        }
        if (area.equals("orders") && n == 2) {
            return expect(m, "GET", () -> openOrders(r.query().get("open")));
        }
        if (area.equals("risk") && n >= 3 && s.get(2).equals("limits")) {
            if (n == 3) {
                return expect(m, "GET", () -> CompletableFuture.completedFuture(Reply.ok(limits())));
            }
            return expect(m, "PUT", () -> updateLimit(String.join(".", s.subList(3, n)), r));
        }
        if (area.equals("kill-switch") && n == 2) {
            return expect(m, "POST", () -> killSwitch(r));
        }
        throw OpsException.notFound("no such endpoint: " + r.path());
    }

    private static CompletionStage<Reply> expect(String method, String allowed,
                                                 Supplier<CompletionStage<Reply>> handler) {
        if (!method.equals(allowed)) {
            throw new OpsException(405, method + " is not allowed here (use " + allowed + ")");
        }
        return handler.get();
    }

    private CompletionStage<Reply> blocking(Supplier<Reply> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    private CompletionStage<Reply> status() {
        PlatformMetrics metrics = platform.metrics();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("mode", mode.get().name());
        body.put("uptimeSeconds", (System.nanoTime() - startedNs) / 1_000_000_000L);
        body.put("venues", platform.registry().venues());
        body.put("symbols", platform.registry().symbols().size());
        body.put("instruments", platform.registry().size());
        body.put("strategiesRunning", platform.strategies().runningIds().size());
        body.put("strategiesStarted", platform.strategiesStarted());
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("marketDataEvents", metrics.mdEvents.sum());
        counters.put("ordersSubmitted", metrics.ordersSubmitted.sum());
        counters.put("ordersRejected", metrics.ordersRejected.sum());
        counters.put("fills", metrics.fills.sum());
        counters.put("conflatedUpdates", metrics.conflatedUpdates.sum());
        body.put("counters", counters);
        int[] perTier = platform.books().symbolsPerTier();
        Map<String, Object> tiers = new LinkedHashMap<>();
        for (BookDirectory.Tier tier : BookDirectory.Tier.values()) {
            tiers.put(tier.label(), perTier[tier.ordinal()]);
        }
        body.put("symbolsPerTier", tiers);
        return platform.venueStats().thenApply(venues -> {
            List<Map<String, Object>> sessions = new ArrayList<>();
            for (VenueSession.Stats v : venues) {
                Map<String, Object> session = new LinkedHashMap<>();
                session.put("venue", v.venue());
                session.put("state", v.faults().state());
                session.put("feedStale", v.faults().feedStale());
                session.put("disconnects", v.faults().disconnects());
                session.put("feedReconnects", v.faults().feedReconnects());
                session.put("open", v.open());
                sessions.add(session);
            }
            body.put("venueSessions", sessions);
            return Reply.ok(body);
        });
    }

    private CompletionStage<Reply> strategies() {
        return platform.strategyStats().thenApply(stats -> Reply.ok(Map.of("strategies", stats)));
    }

    private CompletionStage<Reply> strategy(String id) {
        if (!platform.strategies().runningIds().contains(id)) {
            throw OpsException.notFound("no running strategy " + id);
        }
        return platform.strategyStats().thenApply(stats -> stats.stream()
                .filter(st -> st.strategyId().equals(id)).findFirst()
                .map(Reply::ok)
                .orElseThrow(() -> OpsException.notFound("no running strategy " + id)));
    }

    private Reply stop(String id, OpsRequest r) {
        String reason = OpsRequest.optionalText(r.jsonOrEmpty(mapper), "reason");
        StrategyDirector director = platform.strategies();
        StrategyHost.Stats stats;
        try {
            stats = director.stop(id);
        } catch (ConfigError e) {
            throw OpsException.notFound("no running strategy " + id);
        }
        return Reply.ok(stats).audited("strategy " + id + " stopped, reason: " + reason);
    }

    private Reply start(String id, OpsRequest r) {
        JsonNode body = r.json(mapper);
        String kind = OpsRequest.requiredText(body, "kind");
        String account = OpsRequest.requiredText(body, "account");
        JsonNode symbolsNode = body.get("symbols");
        if (symbolsNode == null || !symbolsNode.isArray() || symbolsNode.isEmpty()) {
            throw OpsException.badRequest("'symbols' is required: a non-empty array of symbols");
        }
        List<String> symbols = new ArrayList<>();
        symbolsNode.forEach(node -> symbols.add(node.asText()));
        JsonNode paramsNode = body.get("params");
        if (paramsNode != null && !paramsNode.isNull() && !paramsNode.isObject()) {
            throw OpsException.badRequest("'params' must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> params = paramsNode == null || paramsNode.isNull() ? Map.of()
                : mapper.convertValue(paramsNode, Map.class);
        if (platform.strategies().runningIds().contains(id)) {
            throw new OpsException(409, "strategy " + id + " is already running");
        }
        HealthMode now = mode.get();
        if (now != HealthMode.FULL) {
            throw new OpsException(503, "health mode " + now + ": new strategies are refused until the mode is FULL");
        }
        try {
            platform.strategies().start(new StrategyDeclaration(id, kind, symbols, account, params,
                    "POST /api/strategies/" + id + "/start"));
        } catch (ConfigError e) {
            throw OpsException.badRequest(e.getMessage());
        }
        String reason = OpsRequest.optionalText(body, "reason");
        return Reply.ok(Map.of("started", id, "kind", kind)).audited("strategy " + id + " (" + kind + ") started on "
                + symbols + ", reason: " + reason);
    }

    private Reply deploy(OpsRequest r) {
        String name = r.query().getOrDefault("name", r.headers().get("x-plugin-name"));
        if (name == null || !JAR_NAME.matcher(name).matches()) {
            throw OpsException.badRequest("name the plug-in with ?name=<file>.jar or the X-Plugin-Name header "
                    + "(letters, digits, '.', '_', '-'; ending in .jar)");
        }
        if (r.body().length == 0) {
            throw OpsException.badRequest("the body must be the plug-in JAR (application/octet-stream)");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("rialto-deploy");
            Path jar = dir.resolve(name);
            Files.write(jar, r.body());
            StrategyDirector.DeployResult result = platform.strategies().deploy(jar);
            if (!result.ok()) {
                throw OpsException.badRequest("plug-in " + name + " not deployed: "
                        + String.join("; ", result.problems()));
            }
            return Reply.ok(result).audited("plug-in " + name + " deployed: kinds " + result.kinds() + ", restarted "
                    + result.started() + ", reason: " + r.query().get("reason"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary directory: the OS cleans it up
        }
    }

    private CompletionStage<Reply> book(String symbol, String depthParam) {
        InstrumentRegistry registry = platform.registry();
        int index = registry.symbolIndex(symbol);
        if (index < 0) {
            throw OpsException.notFound("no symbol " + symbol);
        }
        int depth = 5;
        if (depthParam != null) {
            try {
                depth = Integer.parseInt(depthParam);
            } catch (NumberFormatException e) {
                depth = -1;
            }
            if (depth < 1 || depth > MAX_DEPTH) {
                throw OpsException.badRequest("depth must be an integer from 1 to " + MAX_DEPTH + ": " + depthParam);
            }
        }
        int levels = depth;
        CompletionStage<BookUpdate> top = AskPattern.ask(platform.books().ref(index),
                replyTo -> new SymbolBook.GetTop(index, levels, replyTo), timeout, platform.system().scheduler());
        return top.thenApply(book -> Reply.ok(bookJson(book, registry)));
    }

    private static Map<String, Object> bookJson(BookUpdate book, InstrumentRegistry registry) {
        List<Map<String, Object>> venues = new ArrayList<>();
        for (int v = 0; v < book.venueCount(); v++) {
            Instrument instrument = registry.get(book.instrumentId(v));
            List<Map<String, Object>> bids = new ArrayList<>();
            for (int l = 0; l < book.bidLevels(v); l++) {
                bids.add(level(instrument, book.bidPrice(v, l), book.bidQty(v, l)));
            }
            List<Map<String, Object>> asks = new ArrayList<>();
            for (int l = 0; l < book.askLevels(v); l++) {
                asks.add(level(instrument, book.askPrice(v, l), book.askQty(v, l)));
            }
            Map<String, Object> venue = new LinkedHashMap<>();
            venue.put("venue", instrument.venue());
            venue.put("instrumentId", instrument.id());
            venue.put("bids", bids);
            venue.put("asks", asks);
            venues.add(venue);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", book.symbol());
        body.put("version", book.version());
        body.put("venues", venues);
        return body;
    }

    private static Map<String, Object> level(Instrument instrument, long priceTicks, long qtyLots) {
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("price", instrument.tickSize().multiply(BigDecimal.valueOf(priceTicks)).toPlainString());
        level.put("qty", instrument.lotSize().multiply(BigDecimal.valueOf(qtyLots)).toPlainString());
        level.put("priceTicks", priceTicks);
        level.put("qtyLots", qtyLots);
        return level;
    }

    private CompletionStage<Reply> positions() {
        CompletionStage<RiskGate.Stats> stats = AskPattern.ask(platform.riskGate(), RiskGate.GetStats::new, timeout,
                platform.system().scheduler());
        InstrumentRegistry registry = platform.registry();
        return stats.thenApply(s -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (RiskCheck.Position p : s.positions()) {
                Instrument instrument = registry.get(p.instrumentId());
                Map<String, Object> position = new LinkedHashMap<>();
                position.put("strategyId", p.strategyId());
                position.put("account", p.account());
                position.put("venue", instrument.venue());
                position.put("symbol", instrument.symbol());
                position.put("qty", instrument.lotSize().multiply(BigDecimal.valueOf(p.qtyLots())).toPlainString());
                position.put("qtyLots", p.qtyLots());
                position.put("costTickLots", p.costTickLots());
                position.put("realizedTickLots", p.realizedTickLots());
                position.put("feesE6", p.feesE6());
                position.put("fills", p.fills());
                out.add(position);
            }
            return Reply.ok(Map.of("positions", out));
        });
    }

    /** {@code GET /api/orders?open=true}: every live order, as its strategy's host knows it. */
    private CompletionStage<Reply> openOrders(String open) {
        if (open != null && !open.equals("true")) {
            throw OpsException.badRequest("only open orders are kept: use ?open=true (or no parameter)");
        }
        InstrumentRegistry registry = platform.registry();
        return platform.strategies().openOrders().thenApply(orders -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (OpenOrder o : orders) {
                Instrument instrument = registry.get(o.instrumentId());
                Map<String, Object> order = new LinkedHashMap<>();
                order.put("clOrdId", o.clOrdId());
                order.put("strategyId", o.strategyId());
                order.put("account", o.account());
                order.put("venue", instrument.venue());
                order.put("symbol", instrument.symbol());
                order.put("side", o.side().name());
                order.put("type", o.type().name());
                order.put("tif", o.tif().name());
                order.put("status", o.status().name());
                order.put("price", instrument.toPrice(o.priceTicks()).toPlainString());
                order.put("qty", instrument.toQty(o.qtyLots()).toPlainString());
                order.put("leaves", instrument.toQty(o.leavesQtyLots()).toPlainString());
                order.put("filled", instrument.toQty(o.cumQtyLots()).toPlainString());
                out.add(order);
            }
            return Reply.ok(Map.of("orders", out));
        });
    }

    private Map<String, Object> limits() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("configured", config.hasPath("rialto.risk") ? config.getConfig("rialto.risk").root().unwrapped()
                : Map.of());
        body.put("changedAtRunTime", Map.copyOf(changedLimits));
        return body;
    }

    private CompletionStage<Reply> updateLimit(String path, OpsRequest r) {
        JsonNode body = r.json(mapper);
        String value = OpsRequest.requiredText(body, "value");
        String reason = OpsRequest.requiredText(body, "reason");
        return platform.updateRiskLimit(path, value, r.caller() + " (" + reason + ")").thenApply(outcome -> {
            if (!outcome.ok()) {
                throw OpsException.badRequest(outcome.error());
            }
            changedLimits.put(path, value);
            return Reply.ok(Map.of("path", path, "value", value)).audited("risk limit " + path + " = " + value
                    + ", reason: " + reason);
        });
    }

    private CompletionStage<Reply> killSwitch(OpsRequest r) {
        JsonNode body = r.json(mapper);
        String scopeText = OpsRequest.requiredText(body, "scope");
        RiskScope scope;
        try {
            scope = RiskScope.valueOf(scopeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw OpsException.badRequest("scope must be one of global, account, strategy, instrument, venue: "
                    + scopeText);
        }
        String target = OpsRequest.optionalText(body, "target");
        if (scope == RiskScope.GLOBAL && target != null) {
            throw OpsException.badRequest("a global kill switch takes no target");
        }
        if (scope != RiskScope.GLOBAL && target == null) {
            throw OpsException.badRequest("'target' is required for scope " + scopeText);
        }
        String reason = OpsRequest.requiredText(body, "reason");
        if (scope == RiskScope.VENUE && !platform.registry().venues().contains(target)) {
            throw OpsException.notFound("no venue " + target);
        }
        if (scope == RiskScope.STRATEGY && !platform.strategies().runningIds().contains(target)) {
            throw OpsException.notFound("no running strategy " + target);
        }
        return platform.killSwitch(scope, target, r.caller(), reason).thenApply(done -> {
            if (done.error() != null) {
                throw OpsException.badRequest(done.error());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("scope", scope.name());
            out.put("target", target);
            out.put("cancelsSent", done.cancelsSent());
            return Reply.ok(out).audited("kill switch " + scope + (target == null ? "" : " " + target)
                    + ": " + done.cancelsSent() + " cancels sent, reason: " + reason);
        });
    }
}
