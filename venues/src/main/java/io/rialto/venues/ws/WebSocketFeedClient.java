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
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
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
 * when the stream downstream pulls.
 *
 * <p>One materialization is one connection. It completes when the server says the feed has ended
 * ({@link WebSocketFeedServer#END}). A connection that fails, is refused or closes before that fails the stream
 * with {@link ConnectionLost}, which {@link WebSocketFeedVenue} answers by reconnecting; a text message other than
 * {@code END} or a frame that does not decode fails it with an {@link MdRecordException}, and the venue's word that
 * its feed failed with {@link FeedFailed}; neither is retried.
 * Every failure names the URI; nothing is skipped.
 */
final class WebSocketFeedClient {
    /** How long the rest of a streamed message may take to arrive once its first bytes have. */
    private static final long STREAMED_MESSAGE_TIMEOUT_MS = 10_000;
    /** What {@link #frame} makes of the server's {@code END} message: told apart by identity. */
    private static final ByteString END = ByteString.fromArrayUnsafe(new byte[0]);
    /** Follows the last message of a connection: told apart by identity. */
    private static final ByteString CLOSED = ByteString.fromArrayUnsafe(new byte[0]);

    /** The venue says its feed failed ({@link WebSocketFeedServer#ERROR}): not worth reconnecting. */
    static final class FeedFailed extends RuntimeException {
        FeedFailed(String message) {
            super(message);
        }
    }

    /** The connection to the feed failed, was refused or closed before the feed ended: worth reconnecting. */
    static final class ConnectionLost extends RuntimeException {
        ConnectionLost(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private WebSocketFeedClient() {
    }

    /** Whether {@code failure} is a lost connection (and not bad data). */
    static boolean connectionLost(Throwable failure) {
        return failure instanceof ConnectionLost;
    }

    /** The feed at {@code uri}, over one connection, made when materialized (the server serves one at a time). */
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
                // END completes the stream before CLOSED is reached: a connection that closes before END was lost
                .concat(Source.single(CLOSED))
                .takeWhile(frame -> frame != END)
                .map(frame -> {
                    if (frame == CLOSED) {
                        throw new ConnectionLost(uri + ": the connection closed before the feed ended", null);
                    }
                    return decoder.decode(frame.asByteBuffer());
                })
                .mapMaterializedValue(m -> NotUsed.getInstance())
                // say which feed failed, and whether reconnecting can help
                .mapError(Throwable.class, e -> classify(uri, e));
    }

    private static Throwable classify(String uri, Throwable e) {
        if (e instanceof ConnectionLost || e instanceof MdRecordException || e instanceof FeedFailed) {
            return e; // named already
        }
        String message = String.valueOf(e.getMessage());
        return new ConnectionLost(message.startsWith(uri) ? message : uri + ": " + message, e);
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

    /** The server's text messages: {@link #END}, or the venue's feed failed; anything else is bad data. */
    private static CompletionStage<ByteString> textFrame(String uri, String text) {
        if (WebSocketFeedServer.END.equals(text)) {
            return CompletableFuture.completedFuture(END);
        }
        if (text.startsWith(WebSocketFeedServer.ERROR)) {
            return CompletableFuture.failedFuture(new FeedFailed(uri + ": the venue's feed failed: "
                    + text.substring(WebSocketFeedServer.ERROR.length())));
        }
        return CompletableFuture.failedFuture(
                new MdRecordException(uri + ": a text message; the feed sends binary messages only"));
    }

    /** The frame of a binary message, {@link #END} for the server's END message. */
    private static CompletionStage<ByteString> frame(String uri, Message message, Materializer materializer) {
        if (message.isText()) {
            TextMessage text = message.asTextMessage();
            return text.isStrict() ? textFrame(uri, text.getStrictText())
                    : text.toStrict(STREAMED_MESSAGE_TIMEOUT_MS, materializer)
                            .thenCompose(strict -> textFrame(uri, strict.getStrictText()));
        }
        BinaryMessage binary = message.asBinaryMessage();
        if (binary.isStrict()) {
            return CompletableFuture.completedFuture(binary.getStrictData());
        }
        return binary.toStrict(STREAMED_MESSAGE_TIMEOUT_MS, materializer).thenApply(strict -> strict.data());
    }
}
