package io.rialto.venues.ws;

import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.MarketData;
import io.rialto.core.record.MdFrames;
import io.rialto.core.record.MdRecordException;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.ws.BinaryMessage;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.WebSocketRequest;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgradeResponse;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads a market-data feed served by {@link WebSocketFeedServer} with Pekko HTTP's WebSocket client: each binary
 * message, strict or streamed, is one {@link MdFrames} frame and becomes one {@link MarketData} element (not yet
 * stamped: the platform stamps on ingest). Demand travels back over the socket: the client reads from TCP only
 * when the stream downstream pulls. A refused upgrade, a text message or a frame that does not decode fails the
 * stream with a message naming the URI; nothing is skipped.
 */
final class WebSocketFeedClient {
    /** How long the rest of a streamed message may take to arrive once its first bytes have. */
    private static final long STREAMED_MESSAGE_TIMEOUT_MS = 10_000;

    private WebSocketFeedClient() {
    }

    /** The feed at {@code uri}; connects when materialized (materialize it once: the server serves one client). */
    static Source<MarketData, NotUsed> feed(ActorSystem<?> system, String uri, InstrumentRegistry registry) {
        Materializer materializer = Materializer.matFromSystem(system);
        MdFrames.Decoder decoder = MdFrames.decoder(registry, uri);
        return Source.<Message>maybe()
                .viaMat(Http.get(system).webSocketClientFlow(WebSocketRequest.create(uri)), Keep.both())
                .viaMat(KillSwitches.single(), Keep.both())
                .watchTermination((mat, done) -> {
                    CompletableFuture<Optional<Message>> outgoing = mat.first().first();
                    failUnlessUpgraded(mat.first().second(), mat.second());
                    // our side sends nothing; closing it once the feed ends lets the connection close
                    done.whenComplete((d, e) -> outgoing.complete(Optional.empty()));
                    return NotUsed.getInstance();
                })
                .mapAsync(1, message -> frame(uri, message, materializer))
                .map(frame -> decoder.decode(frame.asByteBuffer()))
                // say which feed failed
                .mapError(Throwable.class, e -> String.valueOf(e.getMessage()).startsWith(uri) ? e
                        : new IllegalStateException(uri + ": " + e.getMessage(), e));
    }

    /** A refused upgrade fails only the upgrade's future; the stream would wait forever. */
    private static void failUnlessUpgraded(CompletionStage<WebSocketUpgradeResponse> upgrade,
                                           UniqueKillSwitch killSwitch) {
        upgrade.whenComplete((response, e) -> {
            if (e != null) {
                killSwitch.abort(e);
            } else if (!response.isValid()) {
                killSwitch.abort(new IllegalStateException("WebSocket upgrade refused: "
                        + response.invalidationReason()));
            }
        });
    }

    private static CompletionStage<ByteString> frame(String uri, Message message, Materializer materializer) {
        if (message.isText()) {
            return CompletableFuture.failedFuture(
                    new MdRecordException(uri + ": a text message; the feed sends binary messages only"));
        }
        BinaryMessage binary = message.asBinaryMessage();
        if (binary.isStrict()) {
            return CompletableFuture.completedFuture(binary.getStrictData());
        }
        return binary.toStrict(STREAMED_MESSAGE_TIMEOUT_MS, materializer).thenApply(strict -> strict.data());
    }
}
