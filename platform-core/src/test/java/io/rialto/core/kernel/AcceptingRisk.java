package io.rialto.core.kernel;

import com.typesafe.config.Config;
import io.rialto.core.domain.ExecutionReport;
import io.rialto.core.domain.InstrumentRegistry;
import io.rialto.core.domain.ModifyOrder;
import io.rialto.core.domain.NewOrder;
import io.rialto.core.domain.RejectReason;
import io.rialto.core.spi.RiskCheck;
import io.rialto.core.spi.RiskProvider;

import java.util.List;

/** A risk check for kernel tests: accepts every order, keeps nothing; subclasses override what they test. */
class AcceptingRisk implements RiskCheck {

    @Override
    public RejectReason checkNew(NewOrder order) {
        return RejectReason.NONE;
    }

    @Override
    public RejectReason checkModify(ModifyOrder modify) {
        return RejectReason.NONE;
    }

    @Override
    public void onNotSent(long clOrdId) {
    }

    @Override
    public void onExecution(ExecutionReport report) {
    }

    @Override
    public List<Position> positions() {
        return List.of();
    }

    @Override
    public long fillsApplied() {
        return 0;
    }

    /** This check as a provider, for {@code Platform.start}. */
    RiskProvider asProvider() {
        RiskCheck check = this;
        return new RiskProvider() {
            @Override
            public String name() {
                return "accepting";
            }

            @Override
            public RiskCheck create(Config config, InstrumentRegistry instruments) {
                return check;
            }
        };
    }
}
