package io.rialto.core.cli;

/** A line of a {@code rialto match} input that is not well formed; the message is {@code line N: what}. */
final class MatchParseException extends Exception {

    MatchParseException(long lineNumber, String what) {
        super("line " + lineNumber + ": " + what);
    }
}
