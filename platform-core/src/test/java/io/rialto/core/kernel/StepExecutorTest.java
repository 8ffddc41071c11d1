package io.rialto.core.kernel;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StepExecutorTest {
    private static final ActorTestKit KIT = ActorTestKit.create("step", ConfigFactory.parseString(
            "pekko.actor.default-dispatcher.executor = \"io.rialto.core.kernel.StepExecutor\""));

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    /** Each message {@code n > 0} passes {@code n - 1} on to the next actor of the ring and counts itself. */
    private static Behavior<Integer> relay(List<ActorRef<Integer>> ring, int index, AtomicInteger handled) {
        return Behaviors.receiveMessage(n -> {
            handled.incrementAndGet();
            if (n > 0) {
                ring.get((index + 1) % ring.size()).tell(n - 1);
            }
            return Behaviors.same();
        });
    }

    @Test
    void shouldCallBackOnlyOnceEveryMessageTheWorkCausedHasBeenHandled() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        List<ActorRef<Integer>> ring = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ring.add(KIT.spawn(relay(ring, i, handled)));
        }
        for (int round = 1; round <= 20; round++) {
            int before = handled.get();
            CompletableFuture<Integer> atQuiet = new CompletableFuture<>();
            ring.get(0).tell(1000);
            StepExecutor.whenQuiet(() -> atQuiet.complete(handled.get()));
            assertEquals(before + 1001, atQuiet.get(10, TimeUnit.SECONDS),
                    "round " + round + ": the whole chain of 1,001 messages, no fewer");
        }
    }

    @Test
    void shouldCallBackAtOnceWhenNothingIsGoingOn() throws Exception {
        CompletableFuture<String> now = new CompletableFuture<>();
        KIT.createTestProbe().awaitAssert(() -> {
            CompletableFuture<Boolean> ran = new CompletableFuture<>();
            StepExecutor.whenQuiet(() -> ran.complete(true));
            assertEquals(true, ran.getNow(false), "quiet now (the test kit's own start-up may still be running)");
            return null;
        });
        StepExecutor.whenQuiet(() -> now.complete(Thread.currentThread().getName()));
        assertEquals(Thread.currentThread().getName(), now.get(1, TimeUnit.SECONDS), "run by the caller");
    }
}
