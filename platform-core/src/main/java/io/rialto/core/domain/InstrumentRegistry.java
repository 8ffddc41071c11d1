package io.rialto.core.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every instrument the platform trades, with dense indexes for instruments, symbols and venues.
 * Built once at start-up from what the venue adapters list; read-only afterwards, so it is safe to
 * share between actors.
 */
public final class InstrumentRegistry {

    /** What a venue adapter lists before indexes are assigned. */
    public record Listing(String venue, String symbol, java.math.BigDecimal tickSize, java.math.BigDecimal lotSize,
                          long minQtyLots, long maxQtyLots) {
    }

    private final List<Instrument> instruments;
    private final List<String> symbols;
    private final List<String> venues;
    private final Map<String, Instrument> byKey;
    private final Map<String, Integer> symbolIndexByName;
    private final int[][] instrumentsBySymbol;
    /** Symbol index by instrument id, flat: routing looks it up for every market-data event. */
    private final int[] symbolOfInstrument;

    private InstrumentRegistry(List<Instrument> instruments, List<String> symbols, List<String> venues) {
        this.instruments = List.copyOf(instruments);
        this.symbols = List.copyOf(symbols);
        this.venues = List.copyOf(venues);
        this.byKey = new HashMap<>();
        this.symbolIndexByName = new HashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            symbolIndexByName.put(symbols.get(i), i);
        }
        List<List<Integer>> perSymbol = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            perSymbol.add(new ArrayList<>());
        }
        symbolOfInstrument = new int[instruments.size()];
        for (Instrument instrument : instruments) {
            symbolOfInstrument[instrument.id()] = instrument.symbolIndex();
            byKey.put(instrument.key(), instrument);
            perSymbol.get(instrument.symbolIndex()).add(instrument.id());
        }
        instrumentsBySymbol = new int[symbols.size()][];
        for (int i = 0; i < symbols.size(); i++) {
            instrumentsBySymbol[i] = perSymbol.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Assigns indexes: symbols sorted by name, venues in the order given, instruments by venue then
     * symbol. The same listings always give the same indexes.
     */
    public static InstrumentRegistry of(List<String> venueNames, List<Listing> listings) {
        TreeSet<String> symbolNames = new TreeSet<>();
        for (Listing listing : listings) {
            if (!venueNames.contains(listing.venue())) {
                throw new IllegalArgumentException("listing " + listing + " names an unknown venue");
            }
            symbolNames.add(listing.symbol());
        }
        List<String> symbols = new ArrayList<>(symbolNames);
        List<Listing> sorted = new ArrayList<>(listings);
        sorted.sort((a, b) -> {
            int v = Integer.compare(venueNames.indexOf(a.venue()), venueNames.indexOf(b.venue()));
            return v != 0 ? v : a.symbol().compareTo(b.symbol());
        });
        List<Instrument> instruments = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (Listing l : sorted) {
            if (seen.put(l.venue() + ":" + l.symbol(), Boolean.TRUE) != null) {
                throw new IllegalArgumentException("instrument " + l.venue() + ":" + l.symbol() + " listed twice");
            }
            instruments.add(new Instrument(instruments.size(), Collections.binarySearch(symbols, l.symbol()),
                    venueNames.indexOf(l.venue()), l.venue(), l.symbol(), l.tickSize(), l.lotSize(),
                    l.minQtyLots(), l.maxQtyLots()));
        }
        return new InstrumentRegistry(instruments, symbols, venueNames);
    }

    public int size() {
        return instruments.size();
    }

    public Instrument get(int instrumentId) {
        return instruments.get(instrumentId);
    }

    /** {@code get(instrumentId).symbolIndex()} without the indirection. */
    public int symbolOf(int instrumentId) {
        return symbolOfInstrument[instrumentId];
    }

    /** The instrument, or {@code null} when the venue does not list the symbol. */
    public Instrument find(String venue, String symbol) {
        return byKey.get(venue + ":" + symbol);
    }

    public List<Instrument> instruments() {
        return instruments;
    }

    public List<String> symbols() {
        return symbols;
    }

    public List<String> venues() {
        return venues;
    }

    /** Symbol index for a name, or -1. */
    public int symbolIndex(String symbol) {
        Integer index = symbolIndexByName.get(symbol);
        return index == null ? -1 : index;
    }

    /** Instrument ids of one symbol, one per venue listing it, in venue order. Do not modify. */
    public int[] instrumentsOfSymbol(int symbolIndex) {
        return instrumentsBySymbol[symbolIndex];
    }
}
