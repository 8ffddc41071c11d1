package io.rialto.core.ops;

/**
 * What an endpoint answers: a status and a JSON-serializable body, or plain text.
 *
 * @param audit what an audited (mutating) call did, for the audit log; {@code null} for reads
 */
record Reply(int status, Object json, String text, String audit) {

    static Reply ok(Object json) {
        return new Reply(200, json, null, null);
    }

    static Reply text(String text) {
        return new Reply(200, null, text, null);
    }

    Reply audited(String what) {
        return new Reply(status, json, text, what);
    }
}
