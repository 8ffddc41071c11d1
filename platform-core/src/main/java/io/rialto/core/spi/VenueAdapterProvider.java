package io.rialto.core.spi;

import com.typesafe.config.Config;

import java.util.List;

/** Makes venue adapters from configuration. Found through {@link java.util.ServiceLoader}. */
public interface VenueAdapterProvider {

    /** The provider's name, e.g. {@code sim}. */
    String name();

    /**
     * The adapters this provider's configuration enables (possibly none). Reads its own keys from
     * {@code config} and throws {@link IllegalArgumentException} naming the bad key.
     */
    List<VenueAdapter> create(Config config);
}
