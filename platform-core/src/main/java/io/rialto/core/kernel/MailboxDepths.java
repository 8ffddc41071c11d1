package io.rialto.core.kernel;

import org.apache.pekko.actor.ActorSystem;

import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link PriorityLaneMailbox} queues of one actor system, for metrics and the health monitor: depth per
 * kind of actor (the first word of its name: {@code book}, {@code strategy}, {@code risk}, {@code venue}, ...)
 * and how full the fullest ordinary lane is. Queues are held weakly: a stopped actor's queue goes with it.
 * Read from any thread; the depths are approximate, as any concurrent queue's size is.
 */
public final class MailboxDepths {
    private static final Map<ActorSystem, MailboxDepths> BY_SYSTEM = new WeakHashMap<>();

    private record Entry(String kind, WeakReference<PriorityLaneMailbox.Queue> queue, int capacity) {
    }

    /** Depth of one kind of actor: how many, messages queued in all, the most in one, the fullest lane's share. */
    public record Depth(int actors, long queued, long maxQueued, double maxSaturation) {
    }

    /** Registration is O(1) (ten thousand strategies register at start); dead entries go when depths are read. */
    private final Set<Entry> entries = ConcurrentHashMap.newKeySet();

    public static MailboxDepths of(ActorSystem system) {
        synchronized (BY_SYSTEM) {
            return BY_SYSTEM.computeIfAbsent(system, s -> new MailboxDepths());
        }
    }

    void register(String actorName, PriorityLaneMailbox.Queue queue, int capacity) {
        int dash = actorName.indexOf('-');
        String kind = dash > 0 ? actorName.substring(0, dash) : actorName;
        entries.add(new Entry(kind, new WeakReference<>(queue), capacity));
    }

    /** Depth per kind of actor, kinds in first-registered order. */
    public Map<String, Depth> byKind() {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, Double> saturation = new LinkedHashMap<>();
        for (Entry e : entries) {
            PriorityLaneMailbox.Queue q = e.queue().get();
            if (q == null) {
                entries.remove(e);
                continue;
            }
            long depth = q.numberOfMessages();
            long[] s = sums.computeIfAbsent(e.kind(), k -> new long[3]);
            s[0]++;
            s[1] += depth;
            s[2] = Math.max(s[2], depth);
            saturation.merge(e.kind(), q.ordinaryDepth() / (double) e.capacity(), Math::max);
        }
        Map<String, Depth> out = new LinkedHashMap<>();
        sums.forEach((kind, s) -> out.put(kind, new Depth((int) s[0], s[1], s[2], saturation.get(kind))));
        return out;
    }

    /** The fullest ordinary lane's share of its capacity, 0 to 1; NaN without any mailbox. */
    public double maxSaturation() {
        return byKind().values().stream().mapToDouble(Depth::maxSaturation).max().orElse(Double.NaN);
    }
}
