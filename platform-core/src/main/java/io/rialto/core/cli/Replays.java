package io.rialto.core.cli;

import io.rialto.core.spi.FiniteVenue;
import io.rialto.core.spi.ForwardingVenue;
import io.rialto.core.spi.VenueAdapter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** What {@code rialto run} needs to know of the replay venues among its adapters (recorded or otherwise wrapped). */
final class Replays {
    private final List<FiniteVenue> finite = new ArrayList<>();
    private final boolean allFinite;

    Replays(List<VenueAdapter> adapters) {
        boolean all = !adapters.isEmpty();
        for (VenueAdapter adapter : adapters) {
            if (ForwardingVenue.innermost(adapter) instanceof FiniteVenue f) {
                finite.add(f);
            } else {
                all = false;
            }
        }
        this.allFinite = all;
    }

    boolean any() {
        return !finite.isEmpty();
    }

    /** Completes when every venue's data has ended; never when any venue's data is endless (a simulator). */
    CompletionStage<Void> ended() {
        if (!allFinite) {
            return new CompletableFuture<>();
        }
        return CompletableFuture.allOf(finite.stream().map(f -> f.ended().toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }

    long badRows() {
        return finite.stream().mapToLong(FiniteVenue::badRows).sum();
    }

    boolean stoppedOnBadRow() {
        return finite.stream().anyMatch(FiniteVenue::stoppedOnBadRow);
    }
}
