package io.rialto.core.kernel;

import net.openhft.affinity.AffinityLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds a hot symbol's pinned thread to a CPU of its own with OpenHFT Java-Thread-Affinity
 * ({@code rialto.dispatch.cpu-affinity = on}). Where that is unavailable (no native support, no CPU left to
 * reserve: see the library's {@code affinity.reserved} system property) it logs once per thread and does
 * nothing; the symbol still has its own thread.
 */
final class CpuAffinity {
    private static final Logger LOG = LoggerFactory.getLogger(CpuAffinity.class);

    private CpuAffinity() {
    }

    /** Binds the calling thread; closing the result releases the CPU. Never throws. */
    static AutoCloseable bindCurrentThread(String what) {
        try {
            AffinityLock lock = AffinityLock.acquireLock();
            if (lock.isBound()) {
                LOG.info("{}: thread {} bound to CPU {}", what, Thread.currentThread().getName(), lock.cpuId());
            } else {
                LOG.warn("{}: no CPU available to bind thread {} to (reserve some with -Daffinity.reserved);"
                        + " running unbound", what,
                        Thread.currentThread().getName());
            }
            return lock::release;
        } catch (Throwable unavailable) { // no native library or platform support: a no-op by design
            LOG.warn("{}: CPU affinity unavailable here ({}); running unbound", what, unavailable.toString());
            return () -> { };
        }
    }
}
