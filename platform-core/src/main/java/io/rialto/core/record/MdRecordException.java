package io.rialto.core.record;

import java.io.IOException;

/** A recording that cannot be read on: the message names the file, the record and the byte offset. */
public final class MdRecordException extends IOException {
    public MdRecordException(String message) {
        super(message);
    }
}
