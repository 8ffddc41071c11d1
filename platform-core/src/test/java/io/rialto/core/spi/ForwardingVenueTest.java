package io.rialto.core.spi;

import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ForwardingVenueTest {
    /** What the wrapped adapter answers, by return type; each must come back unchanged. */
    private static final Map<Class<?>, Object> ANSWERS = Map.of(
            String.class, "inner", List.class, List.of(), Source.class, Source.empty(),
            CompletionStage.class, CompletableFuture.completedFuture(null), boolean.class, true,
            long.class, 42L, LongSupplier.class, (LongSupplier) () -> 7L);

    /** A method added to the venue SPI, default or not, reaches the wrapped adapter: no decorator skips it. */
    @Test
    void shouldHandEveryVenueAdapterMethodWithItsArgumentsToTheWrappedAdapter() throws Exception {
        List<Object[]> calls = new ArrayList<>();
        List<Method> called = new ArrayList<>();
        VenueAdapter inner = (VenueAdapter) Proxy.newProxyInstance(VenueAdapter.class.getClassLoader(),
                new Class<?>[] {VenueAdapter.class}, (proxy, method, args) -> {
                    called.add(method);
                    calls.add(args == null ? new Object[0] : args);
                    return ANSWERS.get(method.getReturnType());
                });
        VenueAdapter outer = new ForwardingVenue(inner) { };
        for (Method m : VenueAdapter.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Object[] args = Arrays.stream(m.getParameterTypes()).map(ForwardingVenueTest::argument).toArray();
            called.clear();
            calls.clear();

            Object answer = m.invoke(outer, args);

            assertEquals(List.of(m), called, m.getName() + " is handed to the wrapped adapter once");
            assertArrayEquals(args, calls.get(0), m.getName() + " passes its arguments on");
            if (m.getReturnType() != void.class) {
                assertNotNull(ANSWERS.get(m.getReturnType()), "no answer for " + m.getReturnType());
                if (m.getReturnType().isPrimitive()) {
                    assertEquals(ANSWERS.get(m.getReturnType()), answer, m.getName() + " returns the wrapped answer");
                } else {
                    assertSame(ANSWERS.get(m.getReturnType()), answer, m.getName() + " returns the wrapped answer");
                }
            }
        }
    }

    private static Object argument(Class<?> type) {
        if (type == int.class) {
            return 7;
        }
        if (type == long[].class) {
            return new long[] {3, 4};
        }
        return null; // order records, the context: passed on as they are
    }
}
