package io.rialto.core.domain;

/**
 * Marker for every message that may cross an actor boundary. Pekko binds this interface to the Kryo
 * serializer ({@code io.rialto.core.serialization.KryoSerializer}); Java serialization is off.
 * Implementations are immutable records; arrays they carry are never mutated after sending.
 */
public interface RialtoMessage {
}
