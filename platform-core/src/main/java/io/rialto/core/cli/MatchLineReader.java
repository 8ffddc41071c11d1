package io.rialto.core.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Reads physical lines into one reusable character buffer, so a line costs no allocation: after {@link #next()}
 * the line is {@code buffer()[lineStart(), lineEnd())}, without its {@code \n} or {@code \r\n}. The buffer only
 * grows for a line longer than it. Single-threaded.
 */
final class MatchLineReader {

    private final Reader reader;
    private char[] buffer = new char[64 * 1024];
    private int dataEnd;
    private int lineStart;
    private int lineEnd;
    private int nextStart;
    private long lineNumber;
    private boolean endOfInput;

    MatchLineReader(Reader reader) {
        this.reader = reader;
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException {
        int scan = nextStart;
        while (true) {
            for (int i = scan; i < dataEnd; i++) {
                if (buffer[i] == '\n') {
                    setLine(nextStart, i);
                    nextStart = i + 1;
                    return true;
                }
            }
            if (endOfInput) {
                if (nextStart < dataEnd) {
                    setLine(nextStart, dataEnd);
                    nextStart = dataEnd;
                    return true;
                }
                return false;
            }
            scan = fill();
        }
    }

    char[] buffer() {
        return buffer;
    }

    int lineStart() {
        return lineStart;
    }

    int lineEnd() {
        return lineEnd;
    }

    /** Physical number of the current line, from 1. */
    long lineNumber() {
        return lineNumber;
    }

    private void setLine(int start, int newline) {
        lineStart = start;
        lineEnd = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        lineNumber++;
    }

    /** Moves the unread part to the front, reads more; returns where the scan for a newline resumes. */
    private int fill() throws IOException {
        int pending = dataEnd - nextStart;
        if (nextStart > 0) {
            System.arraycopy(buffer, nextStart, buffer, 0, pending);
            nextStart = 0;
            dataEnd = pending;
        }
        if (dataEnd == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = reader.read(buffer, dataEnd, buffer.length - dataEnd);
        if (read < 0) {
            endOfInput = true;
        } else {
            dataEnd += read;
        }
        return pending;
    }
}
