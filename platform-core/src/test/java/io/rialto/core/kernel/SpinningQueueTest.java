package io.rialto.core.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SpinningQueueTest {

    /** A worker that takes three tasks, whether it finds them while spinning or is woken for them. */
    private static List<String> takeThree(CompensatingPool.SpinningQueue queue) throws Exception {
        List<String> taken = new ArrayList<>();
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 3; i++) {
                    Runnable task = queue.take();
                    task.run();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        for (String name : List.of("a", "b", "c")) {
            queue.offer(() -> {
                synchronized (taken) {
                    taken.add(name);
                }
            });
        }
        done.get(10, TimeUnit.SECONDS);
        return taken;
    }

    @Test
    void shouldHandTasksOverInOrderWhetherTheWorkerSpinsOrSleeps() throws Exception {
        assertEquals(List.of("a", "b", "c"), takeThree(new CompensatingPool.SpinningQueue(0)));
        assertEquals(List.of("a", "b", "c"), takeThree(new CompensatingPool.SpinningQueue(
                TimeUnit.MILLISECONDS.toNanos(20))));
        assertEquals(List.of("a", "b", "c"), takeThree(new CompensatingPool.SpinningQueue(
                TimeUnit.SECONDS.toNanos(30))));
    }

    @Test
    void shouldStillTimeOutAnIdleExtraThreadAfterItsSpin() throws InterruptedException {
        CompensatingPool.SpinningQueue queue = new CompensatingPool.SpinningQueue(TimeUnit.MILLISECONDS.toNanos(5));
        assertNull(queue.poll(10, TimeUnit.MILLISECONDS), "nothing came: an extra thread may retire");
    }
}
