package io.rialto.core.serialization;

import io.rialto.core.domain.BookSnapshot;
import io.rialto.core.domain.CancelOrder;
import io.rialto.core.domain.DepthUpdate;
import io.rialto.core.domain.ExecType;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.Instrument;
import io.rialto.core.domain.Liquidity;
import io.rialto.core.domain.MarketTrade;
import io.rialto.core.domain.MdBatch;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.OrderStatus;
import io.rialto.core.domain.OrderType;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.domain.RiskScope;
import io.rialto.core.domain.TradingState;
import io.rialto.core.domain.Side;
import io.rialto.core.domain.TimeInForce;
import io.rialto.core.kernel.BookUpdate;
import io.rialto.core.kernel.DeadLetterRelay;
import io.rialto.core.kernel.FillJournal;
import io.rialto.core.kernel.RiskGate;
import io.rialto.core.kernel.StrategyHost;
import io.rialto.core.kernel.SymbolBook;
import io.rialto.core.kernel.VenueSession;
import io.rialto.core.spi.RiskCheck;

import java.math.BigDecimal;
import java.util.List;

/** Every message and value type of platform-core that crosses an actor boundary. */
public final class CoreRegistrations implements KryoRegistrations {

    @Override
    public List<Class<?>> classes() {
        return List.of(
                // domain
                Side.class, OrderType.class, TimeInForce.class, OrderStatus.class, ExecType.class, Liquidity.class,
                RejectReason.class, TradingState.class, RiskScope.class, Instrument.class, BigDecimal.class, NewOrder.class, CancelOrder.class,
                ModifyOrder.class, ExecutionReport.class, DepthUpdate.class, MarketTrade.class, BookSnapshot.class,
                MdBatch.class,
                // kernel protocols
                // (SymbolBook.Apply, ApplySnapshot and TakeOver are local by design: ingestion runs on the node of
                // its books, and a tier move hands a state object over inside one JVM)
                SymbolBook.Fence.class, SymbolBook.CollectRates.class, SymbolBook.Rates.class,
                SymbolBook.HandOver.class, SymbolBook.MoveDone.class, SymbolBook.Retire.class, SymbolBook.Report.class,
                SymbolBook.HostReport.class, io.rialto.core.kernel.TierDirector.Pause.class,
                io.rialto.core.kernel.TierDirector.ColdThrottleChanged.class, SymbolBook.CheckThrottle.class,
                io.rialto.core.kernel.BookDirectory.Host.class, io.rialto.core.kernel.BookDirectory.Tier.class,
                io.rialto.core.kernel.TierDirector.MoveSymbol.class, io.rialto.core.kernel.TierDirector.GetTiers.class,
                io.rialto.core.kernel.TierDirector.Tiers.class,
                SymbolBook.Subscribe.class, SymbolBook.Unsubscribe.class, SymbolBook.Consumed.class,
                SymbolBook.GetTop.class, SymbolBook.GetStats.class, SymbolBook.Stats.class, BookUpdate.class,
                StrategyHost.Trades.class, MarketTrade[].class, StrategyHost.OrderEvent.class, StrategyHost.Stop.class,
                StrategyHost.Stopped.class, StrategyHost.GetStats.class, StrategyHost.Stats.class,
                StrategyHost.GetOpenOrders.class, StrategyHost.OpenOrders.class, io.rialto.core.kernel.OpenOrder.class,
                RiskGate.Submit.class, RiskGate.Modify.class, RiskGate.Cancel.class, RiskGate.FromVenue.class,
                RiskGate.NotSent.class, RiskGate.AttachVenues.class,
                RiskGate.KillSwitch.class, RiskGate.KillSwitchDone.class, RiskGate.SetTradingState.class,
                RiskGate.UpdateLimit.class, RiskGate.Outcome.class, RiskGate.MarketPrice.class,
                RiskGate.MarketTradePrice.class, RiskGate.MarketPrices.class, RiskGate.GetStats.class, RiskGate.Stats.class,
                RiskCheck.Position.class,
                VenueSession.Submit.class, VenueSession.Modify.class, VenueSession.Cancel.class, VenueSession.CancelAll.class,
                VenueSession.CancelById.class,
                VenueSession.GetStats.class, VenueSession.Stats.class, VenueSession.Faults.class,
                DeadLetterRelay.GetStats.class, DeadLetterRelay.Stats.class,
                FillJournal.Fill.class, FillJournal.Flush.class,
                // collections the records above carry
                java.util.ArrayList.class);
    }
}
