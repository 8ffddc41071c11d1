package io.rialto.core.ops;

/** A request the operations API refuses: answered with {@code status} and {@code {"error": message}}. */
final class OpsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;

    OpsException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static OpsException badRequest(String message) {
        return new OpsException(400, message);
    }

    static OpsException notFound(String message) {
        return new OpsException(404, message);
    }
}
