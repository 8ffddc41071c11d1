package io.rialto.core.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import io.rialto.core.kernel.Platform;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.SystemMaterializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The operations HTTP server (Pekko HTTP, JSON) on {@code rialto.ops.host:port}: {@code /health} for
 * anyone, everything else ({@code /api/...}, {@code /metrics}) behind a bearer token. Errors are answered
 * as {@code {"error": "..."}}; every mutating call is written to the {@code rialto.audit} logger with the
 * caller's address, what it asked, what happened and why (at WARN, like every operator action the kernel
 * logs, so the default log configuration keeps it).
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("rialto.audit");

    private final OpsSettings settings;
    private final OpsRoutes routes;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Materializer materializer;
    private final byte[] token;
    private final ServerBinding binding;

    private OpsServer(Platform platform, Config config, OpsSettings settings, Supplier<HealthMode> mode,
                      Supplier<String> metricsText) {
        this.settings = settings;
        this.materializer = SystemMaterializer.get(platform.system()).materializer();
        this.token = settings.token() == null ? null : settings.token().getBytes(StandardCharsets.UTF_8);
        Executor blocking = platform.system().dispatchers().lookup(DispatcherSelector.blocking());
        this.routes = new OpsRoutes(platform, config, mapper, blocking, settings.requestTimeout(), mode,
                metricsText);
        ServerSettings serverSettings = ServerSettings.create(platform.system().classicSystem())
                .withRemoteAddressAttribute(true);
        try {
            this.binding = Http.get(platform.system()).newServerAt(settings.host(), settings.port())
                    .withSettings(serverSettings).bind(this::handle).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("operations API could not bind " + settings.host() + ":"
                    + settings.port() + ": " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
        if (token == null) {
            LOG.warn("operations API on {}:{} without a token: anyone on this host can use it (set "
                    + "rialto.ops.token or {})", settings.host(), port(), OpsSettings.TOKEN_ENV);
        }
        LOG.info("operations API listening on http://{}:{}", settings.host(), port());
    }

    /**
     * Binds the server. Throws {@link IllegalStateException} when the address cannot be bound.
     *
     * @param mode        the current health mode, shown by /health and /api/status
     * @param metricsText the Prometheus text exposition served at /metrics
     */
    public static OpsServer start(Platform platform, Config config, OpsSettings settings, Supplier<HealthMode> mode,
                                  Supplier<String> metricsText) {
        return new OpsServer(platform, config, settings, mode, metricsText);
    }

    /** The bound port (the real one when configured as 0). */
    public int port() {
        return binding.localAddress().getPort();
    }

    /** Stops accepting connections and gives requests in flight a moment to finish. */
    @Override
    public void close() {
        try {
            binding.terminate(Duration.ofSeconds(2)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("operations API did not stop cleanly: {}", e.toString());
        }
    }

    private CompletionStage<HttpResponse> handle(HttpRequest request) {
        List<String> segments = new ArrayList<>();
        request.getUri().pathSegments().forEach(segment -> {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        });
        String method = request.method().value();
        if (segments.equals(List.of("health"))) {
            request.discardEntityBytes(materializer);
            return CompletableFuture.completedFuture(json(200, routes.health()));
        }
        if (!authorized(request)) {
            request.discardEntityBytes(materializer);
            return CompletableFuture.completedFuture(error(401, "missing or wrong bearer token")
                    .addHeader(RawHeader.create("WWW-Authenticate", "Bearer realm=\"rialto\"")));
        }
        String caller = caller(request);
        Map<String, String> headers = new HashMap<>();
        for (HttpHeader header : request.getHeaders()) {
            headers.put(header.lowercaseName(), header.value());
        }
        Map<String, String> query = request.getUri().query().toMap();
        boolean mutating = !method.equals("GET") && !method.equals("HEAD");
        long timeoutMs = settings.requestTimeout().toMillis();
        return request.entity().withSizeLimit(settings.maxUploadBytes()).toStrict(timeoutMs, materializer)
                .thenCompose(strict -> routes.route(new OpsRequest(method, segments, query, headers,
                        strict.getData().toArray(), caller)))
                .handle((reply, failure) -> {
                    HttpResponse response = failure == null ? respond(reply) : failed(failure);
                    if (mutating) {
                        audit(method, segments, caller, reply, failure, response);
                    }
                    return response;
                });
    }

    private boolean authorized(HttpRequest request) {
        if (token == null) {
            return true;
        }
        String header = request.getHeader("Authorization").map(HttpHeader::value).orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }

    private static String caller(HttpRequest request) {
        String address = request.getAttribute(AttributeKeys.remoteAddress)
                .flatMap(a -> a.getAddress().map(ia -> ia.getHostAddress() + ":" + a.getPort()))
                .orElse("unknown");
        return "ops-api@" + address;
    }

    private static void audit(String method, List<String> segments, String caller, Reply reply, Throwable failure,
                              HttpResponse response) {
        String what = reply != null && reply.audit() != null ? reply.audit() : describe(failure);
        AUDIT.warn("{} /{} by {} -> {}: {}", method, String.join("/", segments), caller,
                response.status().intValue(), what);
    }

    private static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause == null ? "done" : "refused: " + cause.getMessage();
    }

    private HttpResponse respond(Reply reply) {
        if (reply.text() != null) {
            return HttpResponse.create().withStatus(reply.status())
                    .withEntity(HttpEntities.create(ContentTypes.TEXT_PLAIN_UTF8, reply.text()));
        }
        return json(reply.status(), reply.json());
    }

    private HttpResponse failed(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof OpsException ops) {
            return error(ops.status, ops.getMessage());
        }
        String name = cause.getClass().getSimpleName();
        if (name.equals("EntityStreamSizeException")) {
            return error(413, "request body larger than rialto.ops.max-upload-size");
        }
        if (cause instanceof java.util.concurrent.TimeoutException || name.contains("Timeout")) {
            return error(503, "the platform did not answer in time: " + cause.getMessage());
        }
        LOG.error("operations API request failed", cause);
        return error(500, "internal error: " + cause);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private HttpResponse error(int status, String message) {
        return json(status, Map.of("error", message == null ? "error" : message));
    }

    private HttpResponse json(int status, Object body) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            status = 500;
            bytes = ("{\"error\":\"cannot render the answer: " + e.getOriginalMessage().replace('"', '\'')
                    + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        return HttpResponse.create().withStatus(status)
                .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, bytes));
    }

    @Override
    public String toString() {
        return "OpsServer[" + settings.host().toLowerCase(Locale.ROOT) + ":" + port() + "]";
    }
}
