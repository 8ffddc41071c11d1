package io.rialto.core.cli;

import java.io.PrintWriter;
import java.util.Map;

/** Prints a run summary for people: one key per line, latencies in microseconds. */
final class SummaryPrinter {
    private SummaryPrinter() {
    }

    @SuppressWarnings("unchecked")
    static void print(RunSummary summary, PrintWriter out) {
        out.println("---- summary ----");
        for (Map.Entry<String, Object> e : summary.fields().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map<?, ?> map && map.containsKey("p50")) {
                Map<String, Object> p = (Map<String, Object>) map;
                out.printf("%-20s count %,d  p50 %.1fus  p90 %.1fus  p99 %.1fus  p99.9 %.1fus  max %.1fus%n",
                        e.getKey(), (Long) p.get("count"), us(p.get("p50")), us(p.get("p90")), us(p.get("p99")),
                        us(p.get("p999")), us(p.get("max")));
            } else {
                out.printf("%-20s %s%n", e.getKey(), v);
            }
        }
    }

    private static double us(Object ns) {
        return ((Number) ns).doubleValue() / 1e3;
    }
}
