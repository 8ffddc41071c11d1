package io.rialto.risk;

import io.rialto.core.domain.RejectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * The repeated-execution throttle: the times of the last {@code max-fills} fills of each strategy on each
 * instrument, in a ring per strategy position slot. A fill that finds the ring full and its oldest entry
 * inside {@code fills-window} is fill number max-fills + 1 within the window: the strategy is HALTED with
 * {@code REPEATED_EXECUTION} until an operator sets it ACTIVE again (which clears its rings).
 * Single-threaded; a ring is allocated when a slot first fills or after max-fills changes.
 */
final class FillWindows {
    private static final Logger LOG = LoggerFactory.getLogger(FillWindows.class);

    private final RiskEngine engine;
    private long[][] times = new long[64][];
    private int[] next = new int[64];
    private int[] count = new int[64];

    FillWindows(RiskEngine engine) {
        this.engine = engine;
    }

    void onFill(int st, int sp, long nowNs) {
        Scopes strategies = engine.strategies;
        long maxFills = strategies.limit(st, Limit.MAX_FILLS);
        long windowNs = strategies.limit(st, Limit.FILLS_WINDOW);
        if (maxFills == Long.MAX_VALUE || windowNs == 0) {
            return;
        }
        if (sp >= times.length) {
            int n = Math.max(sp + 1, times.length * 2);
            times = Arrays.copyOf(times, n);
            next = Arrays.copyOf(next, n);
            count = Arrays.copyOf(count, n);
        }
        long[] ring = times[sp];
        if (ring == null || ring.length != maxFills) {
            ring = new long[(int) maxFills];
            times[sp] = ring;
            next[sp] = 0;
            count[sp] = 0;
        }
        int at = next[sp];
        if (count[sp] == ring.length && nowNs - ring[at] < windowNs && strategies.state[st] != Scopes.HALTED) {
            strategies.setState(st, Scopes.HALTED, RejectReason.REPEATED_EXECUTION);
            LOG.warn("risk: strategy {} halted: more than {} fills on {} within {}", strategies.names[st], maxFills,
                    engine.registry.get(engine.strategyPositions.instrument[sp]).key(),
                    Limit.FILLS_WINDOW.render(windowNs));
        }
        ring[at] = nowNs;
        next[sp] = (at + 1) % ring.length;
        count[sp] = Math.min(count[sp] + 1, ring.length);
    }

    /** Forgets the fills of a strategy (an operator re-enabled it). */
    void clear(int st) {
        PositionTable positions = engine.strategyPositions;
        for (int sp = 0; sp < positions.size && sp < count.length; sp++) {
            if (positions.holder[sp] == st) {
                count[sp] = 0;
                next[sp] = 0;
            }
        }
    }
}
