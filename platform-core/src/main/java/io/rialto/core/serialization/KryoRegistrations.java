package io.rialto.core.serialization;

import java.util.List;

/**
 * Classes a module sends between actors, for the {@link KryoSerializer} to register. List an
 * implementation in {@code META-INF/services/io.rialto.core.serialization.KryoRegistrations}.
 * Include every record, enum and nested type the messages carry.
 */
public interface KryoRegistrations {
    List<Class<?>> classes();
}
