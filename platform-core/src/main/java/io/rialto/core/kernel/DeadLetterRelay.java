package io.rialto.core.kernel;

import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.RialtoMessage;
import io.rialto.core.domain.Side;
import org.apache.pekko.actor.DeadLetter;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns mailbox overflow into explicit outcomes: nothing on the order path disappears silently.
 * A message that did not fit a full ordinary lane ({@link PriorityLaneMailbox}) arrives here as a
 * {@link DeadLetter}:
 * <ul>
 *   <li>a new order or modify refused by a full risk gate goes back to its strategy as a rejection
 *       ({@link RejectReason#OVERLOADED});</li>
 *   <li>one refused by a full venue session goes back through the risk gate, which releases what the
 *       order had reserved, and then to the strategy;</li>
 *   <li>a trade or book update that a full strategy mailbox could not take is counted (market data is
 *       conflatable; orders are not);</li>
 *   <li>anything else is counted and logged.</li>
 * </ul>
 */
public final class DeadLetterRelay extends AbstractBehavior<DeadLetterRelay.Command> {

    public interface Command extends RialtoMessage {
    }

    private record Letter(DeadLetter letter) implements Command {
    }

    public record GetStats(ActorRef<Stats> replyTo) implements Command {
    }

    public record Stats(long ordersRejected, long venueOverflows, long marketDataDropped, long other)
            implements RialtoMessage {
    }

    private final ActorRef<RiskGate.Command> riskGate;
    private long ordersRejected;
    private long venueOverflows;
    private long marketDataDropped;
    private long other;

    public static Behavior<Command> create(ActorRef<RiskGate.Command> riskGate) {
        return Behaviors.setup(ctx -> new DeadLetterRelay(ctx, riskGate));
    }

    private DeadLetterRelay(ActorContext<Command> ctx, ActorRef<RiskGate.Command> riskGate) {
        super(ctx);
        this.riskGate = riskGate;
        ActorRef<DeadLetter> adapter = ctx.messageAdapter(DeadLetter.class, Letter::new);
        // subscribed synchronously, before the first message is handled: see awaitSubscribed
        Adapter.toClassic(ctx.getSystem()).getEventStream().subscribe(Adapter.toClassic(adapter), DeadLetter.class);
    }

    /**
     * Blocks until the relay has subscribed to dead letters. The subscription happens when the actor
     * starts, which is asynchronous to its spawn: an overflow before then would go unanswered.
     */
    public static void awaitSubscribed(ActorRef<Command> relay, ActorSystem<?> system, Duration timeout) {
        try {
            AskPattern.<Command, Stats>ask(relay, GetStats::new, timeout, system.scheduler())
                    .toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the dead-letter relay", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the dead-letter relay did not start within " + timeout, e);
        }
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Letter.class, this::onLetter)
                .onMessage(GetStats.class, this::onGetStats)
                .build();
    }

    private Behavior<Command> onLetter(Letter letter) {
        Object message = letter.letter().message();
        if (message instanceof RiskGate.Submit submit) {
            ordersRejected++;
            submit.replyTo().tell(new StrategyHost.OrderEvent(ExecutionReport.rejected(submit.order().clOrdId(),
                    submit.order().instrumentId(), submit.order().side(), RejectReason.OVERLOADED,
                    RiskGate.wallNanos())));
        } else if (message instanceof RiskGate.Modify modify) {
            ordersRejected++;
            modify.replyTo().tell(new StrategyHost.OrderEvent(ExecutionReport.cancelRejected(
                    modify.modify().clOrdId(), modify.modify().instrumentId(), Side.BUY, -1,
                    RejectReason.OVERLOADED, RiskGate.wallNanos())));
        } else if (message instanceof VenueSession.Submit submit) {
            venueOverflows++;
            riskGate.tell(new RiskGate.NotSent(submit.order().clOrdId(), submit.order().instrumentId(),
                    submit.order().side(), true, RejectReason.OVERLOADED, submit.strategy()));
        } else if (message instanceof VenueSession.Modify modify) {
            venueOverflows++;
            riskGate.tell(new RiskGate.NotSent(modify.modify().clOrdId(), modify.modify().instrumentId(),
                    Side.BUY, false, RejectReason.OVERLOADED, modify.strategy()));
        } else if (message instanceof StrategyHost.Trades || message instanceof BookUpdate) {
            marketDataDropped++;
        } else {
            other++;
            if (Long.bitCount(other) == 1) { // 1st, 2nd, 4th, 8th...: visible without flooding the log
                getContext().getLog().warn("undeliverable message #{} to {}: {}", other,
                        letter.letter().recipient(), message);
            }
        }
        return this;
    }

    private Behavior<Command> onGetStats(GetStats msg) {
        msg.replyTo().tell(new Stats(ordersRejected, venueOverflows, marketDataDropped, other));
        return this;
    }
}
