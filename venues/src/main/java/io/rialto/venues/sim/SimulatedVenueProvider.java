package io.rialto.venues.sim;

import com.typesafe.config.Config;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueAdapterProvider;
import io.rialto.venues.ws.WebSocketFeedVenue;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes the simulated venues of {@code rialto.sim} (none when {@code rialto.sim.enabled = false}), each behind a
 * WebSocket feed when {@code rialto.sim.websocket = on}.
 */
public final class SimulatedVenueProvider implements VenueAdapterProvider {

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public List<VenueAdapter> create(Config config) {
        SimSettings settings = SimSettings.create(config);
        List<VenueAdapter> venues = new ArrayList<>();
        if (!settings.enabled()) {
            return venues;
        }
        for (int v = 0; v < settings.venues(); v++) {
            SimulatedVenue venue = new SimulatedVenue(settings, v, settings.mdRate() / settings.venues());
            venues.add(settings.websocket() ? new WebSocketFeedVenue(venue, settings.wsReconnect(),
                    settings.faults().get(v).wsDropInterval(), settings.seed() * 31 + v) : venue);
        }
        return venues;
    }
}
