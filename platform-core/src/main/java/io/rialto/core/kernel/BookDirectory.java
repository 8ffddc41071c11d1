package io.rialto.core.kernel;

import org.apache.pekko.actor.typed.ActorRef;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where each symbol's book lives now: the {@link SymbolBook} host actor and its dispatch tier. Ingestion and
 * strategies look a symbol up here for every message they send it; the host giving a symbol away rewrites its
 * entry while it processes the hand-over, so a lookup is one volatile read and never takes a lock.
 *
 * <p>Only ordering-sensitive senders (the ingestion routers) need more than the lookup: when a symbol's host
 * changes under them they fence the old host first (see {@link IngestRouter}), which is what lets a move lose,
 * duplicate and reorder nothing.
 */
public final class BookDirectory {

    public enum Tier {
        HOT, WARM, COLD;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One host actor: a dense id (for routing arrays), its ref and the tier of its dispatcher. */
    public record Host(int id, ActorRef<SymbolBook.Command> ref, Tier tier) {
    }

    private final AtomicReferenceArray<Host> hosts;
    private final AtomicLong moves = new AtomicLong();
    private final AtomicInteger nextHostId = new AtomicInteger();

    public BookDirectory(int symbols) {
        this.hosts = new AtomicReferenceArray<>(symbols);
    }

    public int symbols() {
        return hosts.length();
    }

    /** A fresh host id; ids are never reused, so a stale id can never name the wrong host. */
    public int newHostId() {
        return nextHostId.getAndIncrement();
    }

    /** Upper bound (exclusive) of the host ids handed out so far. */
    public int hostIdBound() {
        return nextHostId.get();
    }

    public Host host(int symbol) {
        return hosts.get(symbol);
    }

    public ActorRef<SymbolBook.Command> ref(int symbol) {
        return hosts.get(symbol).ref();
    }

    /** Moves completed or under way since start; a router compares it to notice a move cheaply. */
    public long moves() {
        return moves.get();
    }

    /** Places a symbol at start, before any message is sent to it. */
    void place(int symbol, Host host) {
        hosts.set(symbol, host);
    }

    /** Called by the host giving {@code symbol} away, as it hands the state over. */
    void move(int symbol, Host to) {
        hosts.set(symbol, to);
        moves.incrementAndGet();
    }

    /** Symbols per tier now, indexed by {@link Tier#ordinal()}. */
    public int[] symbolsPerTier() {
        int[] counts = new int[Tier.values().length];
        for (int s = 0; s < hosts.length(); s++) {
            Host h = hosts.get(s);
            if (h != null) {
                counts[h.tier().ordinal()]++;
            }
        }
        return counts;
    }
}
