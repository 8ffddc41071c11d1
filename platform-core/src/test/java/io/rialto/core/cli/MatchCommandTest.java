package io.rialto.core.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rialto match} end to end on temporary files, against outputs worked out by hand from matching-csv.md. */
class MatchCommandTest {

    private static final String GOLDEN_INPUT = """
            action,id,side,type,tif,price,qty,account
            # resting liquidity
            NEW,1,SELL,LIMIT,GTC,10.05,10
            NEW,2,SELL,LIMIT,GTC,10.05,5
            NEW,3,SELL,LIMIT,GTC,10.07,8
            NEW,4,BUY,LIMIT,GTC,10.00,20

            NEW,5,BUY,LIMIT,GTC,10.06,12
            NEW,6,BUY,LIMIT,GTX,10.07,1
            NEW,7,SELL,LIMIT,GTX,10.01,3
            NEW,8,BUY,LIMIT,FOK,10.07,15
            NEW,9,BUY,LIMIT,FOK,10.05,6
            NEW,10,SELL,MARKET,IOC,,25
            NEW,11,BUY,LIMIT,GTC,10.03,4
            NEW,12,BUY,LIMIT,GTC,10.03,6
            MODIFY,11,10.03,4
            MODIFY,12,10.03,2
            MODIFY,11,10.03,5
            NEW,13,SELL,LIMIT,IOC,10.03,3
            MODIFY,11,10.08,10
            CANCEL,99
            NEW,14,BUY,LIMIT,GTC,10.015,1
            NEW,15,BUY,LIMIT,IOC,10.10,0
            NEW,11,SELL,LIMIT,GTC,0,0
            MODIFY,3,10.00,1
            MODIFY,11,-1,1
            NEW,16,SELL,LIMIT,GTC,10.20,7
            NEW,17,BUY,LIMIT,GTC,9.5,3
            CANCEL,16
            NEW,18,SELL,LIMIT,GTC,10.30,1
            """;

    private static final String GOLDEN_OUTPUT = """
            ACCEPTED,1
            RESTED,1,10.05,10
            ACCEPTED,2
            RESTED,2,10.05,5
            ACCEPTED,3
            RESTED,3,10.07,8
            ACCEPTED,4
            RESTED,4,10.00,20
            ACCEPTED,5
            TRADE,5,1,10.05,10
            TRADE,5,2,10.05,2
            REJECTED,6,WOULD_CROSS
            ACCEPTED,7
            RESTED,7,10.01,3
            ACCEPTED,8
            CANCELED,8,15
            ACCEPTED,9
            TRADE,9,7,10.01,3
            TRADE,9,2,10.05,3
            ACCEPTED,10
            TRADE,10,4,10.00,20
            CANCELED,10,5
            ACCEPTED,11
            RESTED,11,10.03,4
            ACCEPTED,12
            RESTED,12,10.03,6
            MODIFIED,11,10.03,4
            MODIFIED,12,10.03,2
            MODIFIED,11,10.03,5
            RESTED,11,10.03,5
            ACCEPTED,13
            TRADE,13,12,10.03,2
            TRADE,13,11,10.03,1
            MODIFIED,11,10.08,10
            TRADE,11,3,10.07,8
            RESTED,11,10.08,2
            REJECTED,99,UNKNOWN_ORDER
            REJECTED,14,INVALID_PRICE
            REJECTED,15,INVALID_QTY
            REJECTED,11,DUPLICATE_ID
            REJECTED,3,UNKNOWN_ORDER
            REJECTED,11,INVALID_PRICE
            ACCEPTED,16
            RESTED,16,10.20,7
            ACCEPTED,17
            RESTED,17,9.50,3
            CANCELED,16,7
            ACCEPTED,18
            RESTED,18,10.30,1
            BOOK,BUY,10.08,2,1
            BOOK,BUY,9.50,3,1
            BOOK,SELL,10.30,1,1
            """;

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void shouldReplayGoldenInputToGoldenOutput() throws IOException {
        assertEquals(0, match(GOLDEN_INPUT));

        assertEquals(GOLDEN_OUTPUT, output());
        assertEquals("", err.toString());
    }

    @Test
    void shouldWriteByteIdenticalOutputForTheSameInput() throws IOException {
        match(GOLDEN_INPUT);
        byte[] first = Files.readAllBytes(dir.resolve("events.csv"));

        match(GOLDEN_INPUT.replace("\n", "\r\n"));

        assertArrayEquals(first, Files.readAllBytes(dir.resolve("events.csv")));
    }

    @Test
    void shouldApplySelfTradePreventionByAccountTextAndNeverToOrdersWithoutAccount() throws IOException {
        String input = """
                NEW,1,SELL,LIMIT,GTC,1.00,2,alice
                NEW,2,SELL,LIMIT,GTC,1.00,3,bob
                NEW,3,SELL,LIMIT,GTC,1.00,4
                NEW,4,BUY,LIMIT,GTC,1.00,20,alice
                NEW,5,BUY,LIMIT,GTC,1.01,1
                NEW,6,SELL,LIMIT,IOC,1.00,1
                """;

        assertEquals(0, match(input, "--stp", "cancel-maker"));

        assertEquals("""
                ACCEPTED,1
                RESTED,1,1.00,2
                ACCEPTED,2
                RESTED,2,1.00,3
                ACCEPTED,3
                RESTED,3,1.00,4
                ACCEPTED,4
                CANCELED,1,2
                TRADE,4,2,1.00,3
                TRADE,4,3,1.00,4
                RESTED,4,1.00,13
                ACCEPTED,5
                RESTED,5,1.01,1
                ACCEPTED,6
                TRADE,6,5,1.01,1
                BOOK,BUY,1.00,13,1
                """, output());
    }

    @Test
    void shouldStopAtMalformedLineNamingPhysicalLineAfterWritingEarlierEventsWithoutBook() throws IOException {
        String input = """
                action,id,side,type,tif,price,qty
                # a comment

                NEW,1,BUY,LIMIT,GTC,1.00,5
                \t
                NEW,2,BUY,LIMIT,GTC,abc,5
                NEW,3,BUY,LIMIT,GTC,1.00,5
                """;

        assertEquals(2, match(input));

        assertEquals("ACCEPTED,1\nRESTED,1,1.00,5\n", output());
        assertEquals("line 6: price 'abc' is not a decimal number", err.toString().strip());
    }

    @Test
    void shouldTreatEachKindOfMalformedLineAsParseError() throws IOException {
        assertParseError("FOO,1", "line 1: unknown command 'FOO', expected NEW, CANCEL or MODIFY");
        assertParseError("NEW,1,BUY,LIMIT,GTC,1.00,5\naction,1", "line 2: unknown command 'action'");
        assertParseError("NEW,1,BUY,LIMIT,GTC,1.00", "line 1: wrong number of fields: 6");
        assertParseError("CANCEL,1,2", "line 1: wrong number of fields: 3");
        assertParseError("MODIFY,1,1.00", "line 1: wrong number of fields: 3");
        assertParseError("NEW,1,BUY,LIMIT,GTC,1.00,5,acct,extra", "line 1: wrong number of fields: 9");
        assertParseError("NEW,1,HOLD,LIMIT,GTC,1.00,5", "line 1: unknown side 'HOLD'");
        assertParseError("NEW,1,BUY,STOP,GTC,1.00,5", "line 1: unknown type 'STOP'");
        assertParseError("NEW,1,BUY,LIMIT,DAY,1.00,5", "line 1: unknown tif 'DAY'");
        assertParseError("NEW,x,BUY,LIMIT,GTC,1.00,5", "line 1: id 'x' is not a positive 64-bit integer");
        assertParseError("CANCEL,0", "line 1: id '0' is not a positive 64-bit integer");
        assertParseError("NEW,1,BUY,LIMIT,GTC,1.00,5x", "line 1: qty '5x' is not a 64-bit integer");
        assertParseError("NEW,1,BUY,LIMIT,GTC,,5", "line 1: price '' is not a decimal number");
        assertParseError("MODIFY,1,1.0.0,5", "line 1: price '1.0.0' is not a decimal number");
    }

    @Test
    void shouldRejectWellFormedLinesThatBreakRulesAndContinue() throws IOException {
        String input = """
                NEW,1,BUY,LIMIT,GTC,-1.00,5
                NEW,2,BUY,LIMIT,GTC,0,5
                NEW,3,BUY,LIMIT,GTC,1.001,5
                NEW,4,BUY,LIMIT,GTC,1.00,-5
                NEW,5,BUY,MARKET,whatever,junk,5
                MODIFY,6,1.00,1
                NEW,7,BUY,LIMIT,GTC,1.0000,1
                """;

        assertEquals(0, match(input));

        assertEquals("""
                REJECTED,1,INVALID_PRICE
                REJECTED,2,INVALID_PRICE
                REJECTED,3,INVALID_PRICE
                REJECTED,4,INVALID_QTY
                ACCEPTED,5
                CANCELED,5,5
                REJECTED,6,UNKNOWN_ORDER
                ACCEPTED,7
                RESTED,7,1.00,1
                BOOK,BUY,1.00,1,1
                """, output());
    }

    @Test
    void shouldPrintPricesWithTheDecimalsOfHalfTick() throws IOException {
        String input = """
                NEW,1,BUY,LIMIT,GTC,2.5,1
                NEW,2,BUY,LIMIT,GTC,2.25,1
                NEW,3,SELL,LIMIT,GTC,3,1
                """;

        assertEquals(0, match(input, "--tick", "0.5"));

        assertEquals("""
                ACCEPTED,1
                RESTED,1,2.5,1
                REJECTED,2,INVALID_PRICE
                ACCEPTED,3
                RESTED,3,3.0,1
                BOOK,BUY,2.5,1,1
                BOOK,SELL,3.0,1,1
                """, output());
    }

    @Test
    void shouldPrintPricesWithTheDecimalsOfFourDecimalTick() throws IOException {
        String input = """
                NEW,1,SELL,LIMIT,GTC,1.2345,10
                NEW,2,BUY,LIMIT,GTC,1.23456,1
                NEW,3,BUY,LIMIT,GTC,1.234500,4
                NEW,4,BUY,LIMIT,GTC,0.0001,1
                """;

        assertEquals(0, match(input, "--tick", "0.0001"));

        assertEquals("""
                ACCEPTED,1
                RESTED,1,1.2345,10
                REJECTED,2,INVALID_PRICE
                ACCEPTED,3
                TRADE,3,1,1.2345,4
                ACCEPTED,4
                RESTED,4,0.0001,1
                BOOK,BUY,0.0001,1,1
                BOOK,SELL,1.2345,6,1
                """, output());
    }

    @Test
    void shouldFailClearlyOnUnreadableInput() {
        int exitCode = execute("--in", dir.resolve("missing.csv").toString(), "--out",
                dir.resolve("events.csv").toString());

        assertEquals(2, exitCode);
        assertTrue(err.toString().startsWith("cannot read input file "), err.toString());
    }

    @Test
    void shouldFailClearlyOnBadTickOrStp() throws IOException {
        assertEquals(2, match("", "--tick", "0"));
        assertEquals(2, match("", "--stp", "cancel-both"));

        assertEquals("invalid --tick '0': must be greater than zero\n"
                + "invalid --stp 'cancel-both': expected none, cancel-taker or cancel-maker",
                err.toString().strip().replace(System.lineSeparator(), "\n"));
    }

    private void assertParseError(String input, String expectedPrefix) throws IOException {
        err.getBuffer().setLength(0);
        assertEquals(2, match(input + "\n"), input);
        assertTrue(err.toString().startsWith(expectedPrefix), () -> input + " gave: " + err);
    }

    private int match(String input, String... options) throws IOException {
        Path in = dir.resolve("orders.csv");
        Files.writeString(in, input, StandardCharsets.UTF_8);
        String[] args = new String[4 + options.length];
        args[0] = "--in";
        args[1] = in.toString();
        args[2] = "--out";
        args[3] = dir.resolve("events.csv").toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return execute(args);
    }

    private int execute(String... args) {
        CommandLine commandLine = new CommandLine(new MatchCommand());
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private String output() throws IOException {
        return Files.readString(dir.resolve("events.csv"), StandardCharsets.UTF_8);
    }
}
