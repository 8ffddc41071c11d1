package io.rialto.venues.replay;

import com.typesafe.config.Config;
import io.rialto.core.config.InstrumentOverrides;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.record.MdRecordFormat;
import io.rialto.core.spi.VenueAdapter;
import io.rialto.core.spi.VenueAdapterProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes the replay venues of {@code rialto.replay} (none when {@code path} is empty): one per venue in the
 * data. {@code path} is a recording directory (it holds {@code recording.rmd}), a Tardis CSV file, or a
 * directory of Tardis CSV files (files of other Tardis data types are skipped, and said so).
 */
public final class ReplayVenueProvider implements VenueAdapterProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayVenueProvider.class);

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public List<VenueAdapter> create(Config config) {
        ReplaySettings settings = ReplaySettings.create(config);
        if (!settings.enabled()) {
            return List.of();
        }
        Path path = Path.of(settings.path());
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("rialto.replay.path: " + path + " does not exist");
        }
        BadRows badRows = new BadRows(settings.stopOnBadRow(), settings.logBadRows());
        ReplaySource source;
        try {
            Path recording = Files.isDirectory(path) ? path.resolve(MdRecordFormat.FILE_NAME) : path;
            if (recording.getFileName().toString().equals(MdRecordFormat.FILE_NAME) && Files.isRegularFile(recording)) {
                source = new RecordingSource(recording, badRows);
                checkReferenceData(config, source.listings(), recording);
            } else {
                source = new TardisSource("Tardis data " + path, tardisFiles(path), settings.inferRows(),
                        settings.maxQtyLots(), badRows);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("rialto.replay.path: " + e.getMessage(), e);
        }
        ReplayRun run = new ReplayRun(settings, source, badRows);
        List<VenueAdapter> venues = new ArrayList<>();
        for (String venue : source.venues()) {
            venues.add(new ReplayVenue(run, venue));
        }
        return venues;
    }

    static List<TardisFileName> tardisFiles(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(TardisFileName.parse(path));
        }
        List<TardisFileName> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Stream<Path> listing = Files.list(path)) {
            for (Path p : listing.filter(Files::isRegularFile).filter(TardisFileName::looksLikeCsv).sorted().toList()) {
                try {
                    files.add(TardisFileName.parse(p));
                } catch (IllegalArgumentException e) {
                    skipped.add(e.getMessage());
                }
            }
        }
        if (!skipped.isEmpty()) {
            LOG.warn("replay: {} CSV files in {} skipped, e.g. {}", skipped.size(), path, skipped.get(0));
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("rialto.replay.path: " + path + " holds no " + MdRecordFormat.FILE_NAME
                    + " and no Tardis " + TardisFileName.BOOK + " or " + TardisFileName.TRADES + " CSV files");
        }
        return files;
    }

    /** A recording is in its own ticks and lots: reference data set in config must agree with it. */
    private static void checkReferenceData(Config config, List<InstrumentRegistry.Listing> recorded, Path file) {
        List<InstrumentRegistry.Listing> configured = InstrumentOverrides.apply(config, recorded);
        for (int i = 0; i < recorded.size(); i++) {
            InstrumentRegistry.Listing r = recorded.get(i);
            InstrumentRegistry.Listing c = configured.get(i);
            if (r.tickSize().compareTo(c.tickSize()) != 0 || r.lotSize().compareTo(c.lotSize()) != 0) {
                throw new IllegalArgumentException("rialto.instruments: " + r.venue() + ":" + r.symbol() + " was "
                        + "recorded with tick " + r.tickSize().toPlainString() + " and lot "
                        + r.lotSize().toPlainString() + " (" + file + "); a recording replays with its own tick and "
                        + "lot sizes");
            }
        }
    }
}
