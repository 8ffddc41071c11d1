package io.rialto.core.cli;

import io.rialto.core.book.MatchingBook;
import io.rialto.core.book.SelfTradePrevention;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rialto match}: replays a file of order commands through one symbol's {@link MatchingBook} and writes every
 * event, as specified in {@code shared/formats/matching-csv.md}. Streams line by line in bounded memory; the same
 * input always gives byte-identical output. Exit code 0 on success, 2 on a line that is not well formed (after
 * writing the events of the lines before it, without the final {@code BOOK} lines), a bad option or an
 * unreadable input or unwritable output.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Replay order commands (NEW/CANCEL/MODIFY) through one symbol's matching engine and write "
                + "every event (ACCEPTED, TRADE, RESTED, CANCELED, MODIFIED, REJECTED, then the final BOOK).")
public final class MatchCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int ERROR = 2;
    private static final int INITIAL_ORDER_CAPACITY = 1 << 14;

    @Spec
    private CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "Order commands, CSV.")
    private Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Events, CSV (overwritten).")
    private Path out;

    @Option(names = "--tick", defaultValue = "0.01", paramLabel = "DECIMAL",
            description = "Tick size; prices must be positive multiples of it and print with its decimals "
                    + "(default: ${DEFAULT-VALUE}).")
    private String tick;

    @Option(names = "--stp", defaultValue = "none", paramLabel = "none|cancel-taker|cancel-maker",
            description = "Self-trade prevention between orders of one account (default: ${DEFAULT-VALUE}).")
    private String stp;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        MatchTicks ticks;
        SelfTradePrevention prevention;
        try {
            ticks = MatchTicks.of(tick);
            prevention = selfTradePrevention(stp);
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        if (!Files.isRegularFile(in) || !Files.isReadable(in)) {
            return fail(err, "cannot read input file " + in + ": not a readable file");
        }
        try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            MatchEventWriter events = new MatchEventWriter(writer, ticks);
            MatchingBook book = new MatchingBook(INITIAL_ORDER_CAPACITY, prevention, events);
            MatchReplay replay = new MatchReplay(book, ticks, prevention != SelfTradePrevention.NONE);
            try {
                replay.run(new MatchLineReader(reader));
            } catch (MatchParseException e) {
                events.flush();
                return fail(err, e.getMessage());
            }
            events.writeBook(book);
            events.flush();
            return OK;
        } catch (IOException | UncheckedIOException e) {
            return fail(err, "I/O error on " + in + " or " + out + ": " + e.getMessage());
        }
    }

    private static SelfTradePrevention selfTradePrevention(String text) {
        switch (text) {
            case "none":
                return SelfTradePrevention.NONE;
            case "cancel-taker":
                return SelfTradePrevention.CANCEL_TAKER;
            case "cancel-maker":
                return SelfTradePrevention.CANCEL_MAKER;
            default:
                throw new IllegalArgumentException("invalid --stp '" + text
                        + "': expected none, cancel-taker or cancel-maker");
        }
    }

    private static int fail(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return ERROR;
    }
}
