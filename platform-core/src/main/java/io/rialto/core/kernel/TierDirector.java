package io.rialto.core.kernel;

import io.rialto.core.domain.RialtoMessage;
import io.rialto.core.config.DispatchSettings;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Decides which dispatch tier each symbol's book runs on. Every {@code rebalance-interval} it asks every host
 * for its symbols' event counts, turns them into rates, and moves a symbol whose rate crossed a threshold:
 * <ul>
 *   <li>warm → cold below {@code cold-below} events/s; cold → warm at {@code warm-above} or more (the gap
 *       between the two is the hysteresis);</li>
 *   <li>warm → hot at {@code hot-above} or more ({@code 0}: never; only the static hot list is hot), while
 *       fewer than {@code max-hot} symbols are hot; hot → warm below {@code hot-below}. Symbols on the static
 *       hot list stay hot.</li>
 * </ul>
 * A move to the hot or warm tier spawns a host of its own for the symbol on that tier's dispatcher; the cold
 * tier is one host. The move itself is the hosts' protocol ({@link SymbolBook}); a symbol has at most one move
 * under way, and a host left with nothing is stopped {@code rebalance-interval} after its last move completed.
 */
public final class TierDirector extends AbstractBehavior<TierDirector.Command> {

    public interface Command extends RialtoMessage {
    }

    /** Move a symbol now (operators, tests); ignored while the symbol has a move under way. */
    public record MoveSymbol(int symbolIndex, BookDirectory.Tier tier) implements Command {
    }

    public record GetTiers(ActorRef<Tiers> replyTo) implements Command {
    }

    /** The cold throttle was switched: the cold host should look at it now, even if no market data comes. */
    public record ColdThrottleChanged() implements Command {
    }

    /** Stop rebalancing (shutdown): the directory stays as it is. */
    public record Pause() implements Command {
    }

    /** Symbols per tier, moves completed, and symbols with a move under way. */
    public record Tiers(int hot, int warm, int cold, long movesCompleted, int moving) implements RialtoMessage {
    }

    private enum Rebalance implements Command { INSTANCE }

    private record RatesIn(SymbolBook.Rates rates) implements Command {
    }

    private record Moved(SymbolBook.MoveDone done) implements Command {
    }

    private record RetireHost(BookDirectory.Host host) implements Command {
    }

    /** The thresholds; rates in events per second. */
    public record Settings(boolean enabled, Duration rebalanceInterval, long hotAbove, long hotBelow, long warmAbove,
                           long coldBelow, int maxHot, int maxMovesInFlight) {
    }

    private final SymbolBook.Hosting hosting;
    private final BookDirectory directory;
    private final Settings settings;
    private final Set<Integer> staticHot;
    private final BookDirectory.Host coldHost;
    private final Props hotProps;
    private final Props warmProps;
    private final boolean[] moving;
    private final long[] lastEvents;
    private final long[] lastAtNs;
    private final ActorRef<SymbolBook.Rates> ratesAdapter;
    private final ActorRef<SymbolBook.MoveDone> movedAdapter;
    private int movingCount;
    private long movesCompleted;

    public static Behavior<Command> create(SymbolBook.Hosting hosting, Settings settings, Set<Integer> staticHot,
                                           BookDirectory.Host coldHost, Props hotProps, Props warmProps) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            if (settings.enabled()) {
                timers.startTimerWithFixedDelay(Rebalance.INSTANCE, settings.rebalanceInterval());
            }
            return new TierDirector(ctx, hosting, settings, staticHot, coldHost, hotProps, warmProps, timers);
        }));
    }

    private final TimerScheduler<Command> timers;

    private TierDirector(ActorContext<Command> ctx, SymbolBook.Hosting hosting, Settings settings,
                         Set<Integer> staticHot, BookDirectory.Host coldHost, Props hotProps, Props warmProps,
                         TimerScheduler<Command> timers) {
        super(ctx);
        this.hosting = hosting;
        this.directory = hosting.directory();
        this.settings = settings;
        this.staticHot = staticHot;
        this.coldHost = coldHost;
        this.hotProps = hotProps;
        this.warmProps = warmProps;
        this.timers = timers;
        int symbols = directory.symbols();
        this.moving = new boolean[symbols];
        this.lastEvents = new long[symbols];
        this.lastAtNs = new long[symbols];
        this.ratesAdapter = ctx.messageAdapter(SymbolBook.Rates.class, RatesIn::new);
        this.movedAdapter = ctx.messageAdapter(SymbolBook.MoveDone.class, Moved::new);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessageEquals(Rebalance.INSTANCE, this::onRebalance)
                .onMessage(RatesIn.class, this::onRates)
                .onMessage(MoveSymbol.class, msg -> {
                    move(msg.symbolIndex(), msg.tier());
                    return this;
                })
                .onMessage(Moved.class, this::onMoved)
                .onMessage(RetireHost.class, this::onRetire)
                .onMessage(GetTiers.class, this::onGetTiers)
                .onMessage(ColdThrottleChanged.class, changed -> {
                    coldHost.ref().tell(new SymbolBook.CheckThrottle());
                    return this;
                })
                .onMessage(Pause.class, pause -> {
                    timers.cancel(Rebalance.INSTANCE);
                    return this;
                })
                .build();
    }

    private Behavior<Command> onRebalance() {
        Set<Integer> asked = new HashSet<>();
        for (int s = 0; s < directory.symbols(); s++) {
            BookDirectory.Host host = directory.host(s);
            if (asked.add(host.id())) {
                host.ref().tell(new SymbolBook.CollectRates(ratesAdapter));
            }
        }
        return this;
    }

    private Behavior<Command> onRates(RatesIn in) {
        SymbolBook.Rates rates = in.rates();
        for (int i = 0; i < rates.symbols().length; i++) {
            int s = rates.symbols()[i];
            long events = rates.events()[i];
            long elapsedNs = rates.atNs() - lastAtNs[s];
            boolean first = lastAtNs[s] == 0;
            long delta = events - lastEvents[s];
            lastEvents[s] = events;
            lastAtNs[s] = rates.atNs();
            if (first || elapsedNs <= 0 || moving[s] || staticHot.contains(s)) {
                continue;
            }
            long perSecond = delta * 1_000_000_000L / elapsedNs;
            BookDirectory.Tier target = target(directory.host(s).tier(), perSecond);
            if (target != null) {
                move(s, target);
            }
        }
        return this;
    }

    /** The tier a symbol at {@code perSecond} should move to from {@code now}, or null to stay. */
    private BookDirectory.Tier target(BookDirectory.Tier now, long perSecond) {
        return switch (now) {
            case HOT -> perSecond < settings.hotBelow() ? BookDirectory.Tier.WARM : null;
            case WARM -> {
                if (settings.hotAbove() > 0 && perSecond >= settings.hotAbove()
                        && countTier(BookDirectory.Tier.HOT) < settings.maxHot()) {
                    yield BookDirectory.Tier.HOT;
                }
                yield perSecond < settings.coldBelow() ? BookDirectory.Tier.COLD : null;
            }
            case COLD -> perSecond >= settings.warmAbove() ? BookDirectory.Tier.WARM : null;
        };
    }

    private int countTier(BookDirectory.Tier tier) {
        return directory.symbolsPerTier()[tier.ordinal()];
    }

    private void move(int symbol, BookDirectory.Tier tier) {
        BookDirectory.Host from = directory.host(symbol);
        if (moving[symbol] || from.tier() == tier || movingCount >= settings.maxMovesInFlight()) {
            return; // a symbol left out is reconsidered at the next rebalance
        }
        BookDirectory.Host to;
        if (tier == BookDirectory.Tier.COLD) {
            to = coldHost;
        } else {
            int id = directory.newHostId();
            String name = "book-" + hosting.registry().symbols().get(symbol) + "-" + tier.label() + "-" + id;
            to = new BookDirectory.Host(id, getContext().spawn(SymbolBook.host(hosting, id, tier, new int[0]), name,
                    tier == BookDirectory.Tier.HOT ? hotProps : warmProps), tier);
        }
        moving[symbol] = true;
        movingCount++;
        getContext().getLog().debug("moving {} from {} to {}", hosting.registry().symbols().get(symbol),
                from.tier().label(), tier.label());
        from.ref().tell(new SymbolBook.HandOver(symbol, to, movedAdapter));
    }

    private Behavior<Command> onMoved(Moved moved) {
        SymbolBook.MoveDone done = moved.done();
        moving[done.symbolIndex()] = false;
        movingCount--;
        movesCompleted++;
        if (done.from().id() != coldHost.id()) { // a host of one symbol, empty now
            timers.startSingleTimer(done.from(), new RetireHost(done.from()), settings.rebalanceInterval());
        }
        return this;
    }

    private Behavior<Command> onRetire(RetireHost retire) {
        for (int s = 0; s < directory.symbols(); s++) {
            if (directory.host(s).id() == retire.host().id()) {
                return this; // a symbol came back to it meanwhile
            }
        }
        retire.host().ref().tell(new SymbolBook.Retire());
        return this;
    }

    private Behavior<Command> onGetTiers(GetTiers msg) {
        int[] perTier = directory.symbolsPerTier();
        msg.replyTo().tell(new Tiers(perTier[0], perTier[1], perTier[2], movesCompleted, movingCount));
        return this;
    }

    /**
     * Spawns every symbol's book on its starting tier (the static hot list: hot; the others:
     * {@code initial-tier}), places them in the hosting's directory, and starts the director that moves them.
     */
    public static ActorRef<Command> spawnTiers(ActorSystem<?> system, SymbolBook.Hosting hosting,
                                               DispatchSettings dispatch, Set<Integer> hot) {
        BookDirectory books = hosting.directory();
        List<Props> props = tierProps();
        BookDirectory.Tier initial = dispatch.initialTier();
        int symbols = books.symbols();
        int[] cold = IntStream.range(0, symbols)
                .filter(s -> !hot.contains(s) && initial == BookDirectory.Tier.COLD).toArray();
        int coldId = books.newHostId();
        BookDirectory.Host coldHost = new BookDirectory.Host(coldId, system.systemActorOf(
                SymbolBook.host(hosting, coldId, BookDirectory.Tier.COLD, cold), "book-cold", props.get(2)),
                BookDirectory.Tier.COLD);
        for (int s = 0; s < symbols; s++) {
            BookDirectory.Tier tier = hot.contains(s) ? BookDirectory.Tier.HOT : initial;
            if (tier == BookDirectory.Tier.COLD) {
                books.place(s, coldHost);
                continue;
            }
            int id = books.newHostId();
            books.place(s, new BookDirectory.Host(id, system.systemActorOf(SymbolBook.host(hosting, id, tier,
                    new int[] {s}), "book-" + hosting.registry().symbols().get(s), props.get(tier.ordinal())), tier));
        }
        return system.systemActorOf(TierDirector.create(hosting, dispatch.director(), hot, coldHost, props.get(0),
                props.get(1)), "tier-director", Props.empty());
    }

    /** Props for the tiers' dispatchers, from {@code rialto.dispatchers.{hot,warm,cold}}. */
    static List<Props> tierProps() {
        return List.of(
                DispatcherSelector.fromConfig("rialto.dispatchers.hot").withMailboxFromConfig("rialto.mailboxes.book"),
                DispatcherSelector.fromConfig("rialto.dispatchers.warm").withMailboxFromConfig("rialto.mailboxes.book"),
                DispatcherSelector.fromConfig("rialto.dispatchers.cold")
                        .withMailboxFromConfig("rialto.mailboxes.book"));
    }
}
