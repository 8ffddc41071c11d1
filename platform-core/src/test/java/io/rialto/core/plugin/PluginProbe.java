package io.rialto.core.plugin;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/** What test plug-ins report to the test that loaded them (they see this class through their parent loader). */
public final class PluginProbe {
    public static final BlockingQueue<String> EVENTS = new LinkedBlockingQueue<>();
    public static final List<WeakReference<ClassLoader>> LOADERS = new CopyOnWriteArrayList<>();

    private PluginProbe() {
    }

    /** Source of a plug-in strategy kind {@code probe}: reports "version:started", rests one bid, reports its events. */
    public static String strategySource(String version) {
        return "package probe;\n"
                + "import io.rialto.core.spi.*;\n"
                + "import io.rialto.core.domain.*;\n"
                + "import io.rialto.core.plugin.PluginProbe;\n"
                + "import java.util.List;\n"
                + "public final class ProbeFactory implements StrategyFactory {\n"
                + "  public String name() { return \"probe\"; }\n"
                + "  public String description() { return \"probe " + version + "\"; }\n"
                + "  public List<ParamSpec> params() { return List.of(); }\n"
                + "  public Strategy create(StrategyParams p) {\n"
                + "    PluginProbe.LOADERS.add(new java.lang.ref.WeakReference<>(getClass().getClassLoader()));\n"
                + "    return new Strategy() {\n"
                + "      StrategyContext ctx; boolean sent;\n"
                + "      public void onStart(StrategyContext c) { ctx = c; PluginProbe.EVENTS.add(\"" + version
                + ":started\"); }\n"
                + "      public void onBook(BookView b) {\n"
                + "        if (!sent && b.bidLevels(0) > 0) { sent = true;\n"
                + "          ctx.submit(b.instrumentId(0), Side.BUY, OrderType.LIMIT, TimeInForce.GTC, b.bidPrice(0, 0) - 1, 1); }\n"
                + "      }\n"
                + "      public void onOrderUpdate(OrderUpdate u) { PluginProbe.EVENTS.add(\"" + version
                + ":\" + u.execType()); }\n"
                + "    };\n"
                + "  }\n"
                + "}\n";
    }
}
