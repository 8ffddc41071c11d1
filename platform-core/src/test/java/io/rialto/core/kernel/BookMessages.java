package io.rialto.core.kernel;

import io.rialto.core.domain.MdBatch;
import org.apache.pekko.actor.typed.ActorRef;

import java.util.concurrent.TimeUnit;

/** Market data sent straight to a book host, as a router would, for kernel tests. */
final class BookMessages {
    private BookMessages() {
    }

    /** The whole batch in its own order, from feed 0. */
    static SymbolBook.Apply applyAll(MdBatch batch, BatchAck ack) {
        int[] order = new int[batch.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return new SymbolBook.Apply(batch, order, 0, order.length, 0, ack);
    }

    /** Applies the whole batch and waits for its acknowledgement. */
    static void applyAndWait(ActorRef<SymbolBook.Command> host, MdBatch batch) {
        BatchAck ack = new BatchAck(batch.size());
        host.tell(applyAll(batch, ack));
        ack.done().orTimeout(5, TimeUnit.SECONDS).join();
    }
}
