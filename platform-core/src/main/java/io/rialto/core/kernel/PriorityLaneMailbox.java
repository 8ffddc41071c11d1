package io.rialto.core.kernel;

import com.typesafe.config.Config;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.DeadLetter;
import org.apache.pekko.actor.InternalActorRef;
import org.apache.pekko.dispatch.ControlMessage;
import org.apache.pekko.dispatch.Envelope;
import org.apache.pekko.dispatch.MailboxType;
import org.apache.pekko.dispatch.MessageQueue;
import org.apache.pekko.dispatch.ProducesMessageQueue;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;
import scala.Option;

/**
 * The mailbox of every kernel actor: two lanes, never blocking a sender.
 * <ul>
 *   <li>The <b>priority lane</b> takes {@link ControlMessage}s: kill switch, halt, cancel-all, shutdown,
 *       and the order events that must never be lost (execution reports, cancels). It is dequeued
 *       first, so control overtakes ordinary traffic. Its volume is bounded by the protocol rather
 *       than by a capacity: every such message belongs to a live order, and risk bounds the number
 *       of live orders.</li>
 *   <li>The <b>ordinary lane</b> ({@code mailbox-capacity}) takes everything else: new orders,
 *       modifies, market data. When it is full the message goes to dead letters at once (no
 *       blocking), where {@code DeadLetterRelay} turns it into an explicit rejection or a count.</li>
 * </ul>
 * Configure with {@code mailbox-type = "io.rialto.core.kernel.PriorityLaneMailbox"},
 * {@code mailbox-capacity} and optionally {@code priority-chunk} (the priority lane grows in chunks of this
 * many slots; default 64). Both lanes preallocate: with thousands of strategies, their sizes are most of an
 * idle strategy's footprint.
 */
public final class PriorityLaneMailbox implements MailboxType, ProducesMessageQueue<PriorityLaneMailbox.Queue> {
    private final int capacity;
    private final int priorityChunk;

    public PriorityLaneMailbox(ActorSystem.Settings settings, Config config) {
        this.capacity = config.getInt("mailbox-capacity");
        this.priorityChunk = config.hasPath("priority-chunk") ? config.getInt("priority-chunk") : 64;
        if (capacity < 2) {
            throw new IllegalArgumentException("mailbox-capacity must be at least 2, got " + capacity);
        }
        if (priorityChunk < 2) {
            throw new IllegalArgumentException("priority-chunk must be at least 2, got " + priorityChunk);
        }
    }

    @Override
    public MessageQueue create(Option<ActorRef> owner, Option<ActorSystem> system) {
        Queue queue = new Queue(capacity, priorityChunk);
        if (owner.isDefined() && system.isDefined()) {
            MailboxDepths.of(system.get()).register(owner.get().path().name(), queue, capacity);
        }
        return queue;
    }

    /** The two-lane queue; multi-producer, single consumer (the actor). */
    public static final class Queue implements MessageQueue {
        private final MpscUnboundedXaddArrayQueue<Envelope> priority;
        private final MpscArrayQueue<Envelope> ordinary;

        Queue(int capacity, int priorityChunk) {
            ordinary = new MpscArrayQueue<>(capacity);
            priority = new MpscUnboundedXaddArrayQueue<>(priorityChunk);
        }

        @Override
        public void enqueue(ActorRef receiver, Envelope handle) {
            if (handle.message() instanceof ControlMessage) {
                priority.offer(handle);
            } else if (!ordinary.offer(handle)) {
                ((InternalActorRef) receiver).provider().deadLetters()
                        .tell(new DeadLetter(handle.message(), handle.sender(), receiver), handle.sender());
            }
        }

        /**
         * Relaxed polls: a producer that has claimed a slot but not yet written it (preempted in between, which on
         * a machine with more threads than cores is common) is not waited for by spinning; {@link #hasMessages}
         * still sees the claim, so the mailbox is scheduled again and the message taken on the next run.
         */
        @Override
        public Envelope dequeue() {
            Envelope envelope = priority.relaxedPoll();
            return envelope != null ? envelope : ordinary.relaxedPoll();
        }

        @Override
        public int numberOfMessages() {
            return priority.size() + ordinary.size();
        }

        /** Messages waiting in the bounded ordinary lane. */
        public int ordinaryDepth() {
            return ordinary.size();
        }

        @Override
        public boolean hasMessages() {
            return !priority.isEmpty() || !ordinary.isEmpty();
        }

        @Override
        public void cleanUp(ActorRef owner, MessageQueue deadLetters) {
            Envelope envelope; // strict polls: at the end, wait for a producer caught between claim and write
            while ((envelope = priority.poll()) != null || (envelope = ordinary.poll()) != null) {
                deadLetters.enqueue(owner, envelope);
            }
        }
    }
}
