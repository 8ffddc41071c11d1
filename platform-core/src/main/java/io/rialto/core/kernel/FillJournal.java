package io.rialto.core.kernel;

import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.RialtoMessage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.dispatch.ControlMessage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes every fill to a CSV file ({@code --fills-out}):
 * {@code time,strategy,account,venue,symbol,side,price,quantity,fee,liquidity}, one line per fill in the
 * order the venues reported them; time is the venue's, ISO-8601 UTC; price and quantity are decimals of
 * the instrument; fee is in quote currency (negative: a rebate). Runs on the blocking-IO dispatcher.
 */
public final class FillJournal extends AbstractBehavior<FillJournal.Command> {

    public static final String HEADER = "time,strategy,account,venue,symbol,side,price,quantity,fee,liquidity";

    public interface Command extends RialtoMessage {
    }

    /** One fill; in the priority lane because fills are never dropped. */
    public record Fill(ExecutionReport report, String strategyId, String account) implements Command, ControlMessage {
    }

    /** Flush and reply; the file is complete on disk when the reply arrives. */
    public record Flush(ActorRef<Long> replyTo) implements Command, ControlMessage {
    }

    private final InstrumentRegistry registry;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(160);
    private long written;

    public static Behavior<Command> create(Path file, InstrumentRegistry registry) {
        return Behaviors.setup(ctx -> new FillJournal(ctx, file, registry));
    }

    private FillJournal(ActorContext<Command> ctx, Path file, InstrumentRegistry registry) throws IOException {
        super(ctx);
        this.registry = registry;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = Files.newBufferedWriter(file);
        out.write(HEADER);
        out.newLine();
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Fill.class, this::onFill)
                .onMessage(Flush.class, this::onFlush)
                .onSignal(PostStop.class, signal -> close())
                .build();
    }

    private Behavior<Command> onFill(Fill fill) throws IOException {
        ExecutionReport r = fill.report();
        Instrument instrument = registry.get(r.instrumentId());
        BigDecimal fee = BigDecimal.valueOf(r.feeE6()).movePointLeft(6)
                .multiply(instrument.tickSize()).multiply(instrument.lotSize()).stripTrailingZeros();
        line.setLength(0);
        line.append(Instant.ofEpochSecond(0, r.venueTimeNs())).append(',')
                .append(fill.strategyId()).append(',')
                .append(fill.account()).append(',')
                .append(instrument.venue()).append(',')
                .append(instrument.symbol()).append(',')
                .append(r.side()).append(',')
                .append(instrument.toPrice(r.lastPxTicks()).toPlainString()).append(',')
                .append(instrument.toQty(r.lastQtyLots()).toPlainString()).append(',')
                .append(fee.signum() == 0 ? "0" : fee.toPlainString()).append(',')
                .append(r.liquidity());
        out.append(line);
        out.newLine();
        written++;
        return this;
    }

    private Behavior<Command> onFlush(Flush flush) throws IOException {
        out.flush();
        flush.replyTo().tell(written);
        return this;
    }

    private Behavior<Command> close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
