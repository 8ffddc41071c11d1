package io.rialto.core.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The shutdown reconciliation of the order path: independent counts from each stage (strategy hosts,
 * dead-letter relay, risk gate, venue sessions) that must agree. Every submitted order is rejected
 * with a reason, or acknowledged by its venue and then filled, cancelled or still open; every fill a
 * venue reported reached the position keeper and the strategy. {@link #dropped()} is the sum of the
 * discrepancies: it must be 0.
 */
public record Reconciliation(List<Check> checks) {

    /** One equation between stages; {@code left - right} is its discrepancy. */
    public record Check(String name, long left, long right) {
        public long discrepancy() {
            return Math.abs(left - right);
        }
    }

    public static Reconciliation of(List<StrategyHost.Stats> hosts, DeadLetterRelay.Stats relay, RiskGate.Stats risk,
                                    List<VenueSession.Stats> venues) {
        long submitted = 0;
        long rejectedLocally = 0;
        long rejected = 0;
        long filled = 0;
        long canceled = 0;
        long open = 0;
        long strategyFills = 0;
        long unmatched = 0;
        for (StrategyHost.Stats h : hosts) {
            submitted += h.submitted();
            rejectedLocally += h.rejectedLocally();
            rejected += h.rejected();
            filled += h.filled();
            canceled += h.canceled();
            open += h.open();
            strategyFills += h.fills();
            unmatched += h.unmatchedReports();
        }
        long sent = 0;
        long venueRejects = 0;
        long venueFilled = 0;
        long venueCanceled = 0;
        long venueOpen = 0;
        long venueFills = 0;
        long unknown = 0;
        for (VenueSession.Stats v : venues) {
            sent += v.ordersSent();
            venueRejects += v.rejects();
            venueFilled += v.filledOrders();
            venueCanceled += v.canceled();
            venueOpen += v.open();
            venueFills += v.fills();
            unknown += v.unknownReports();
        }
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("strategy: submitted = rejected + filled + canceled + open", submitted,
                rejected + filled + canceled + open));
        checks.add(new Check("risk: checked = submitted - rejected locally - bounced by a full risk mailbox",
                risk.checked(), submitted - rejectedLocally - relay.ordersRejected()));
        checks.add(new Check("venue: sent = accepted by risk - not sent", sent, risk.accepted() - risk.notSent()));
        checks.add(new Check("venue: sent = rejected + filled + canceled + open", sent,
                venueRejects + venueFilled + venueCanceled + venueOpen));
        checks.add(new Check("rejections seen by strategies = local + overflow + risk + not sent + venue", rejected,
                rejectedLocally + relay.ordersRejected() + risk.rejected() + risk.notSent() + venueRejects));
        checks.add(new Check("filled orders: strategies = venues", filled, venueFilled));
        checks.add(new Check("cancelled orders: strategies = venues", canceled, venueCanceled));
        checks.add(new Check("open orders: strategies = venues", open, venueOpen));
        checks.add(new Check("fills: venues = position keeper", venueFills, risk.fillsApplied()));
        checks.add(new Check("fills: venues = strategies", venueFills, strategyFills));
        checks.add(new Check("reports matching no order", unmatched + unknown, 0));
        return new Reconciliation(List.copyOf(checks));
    }

    public long dropped() {
        long sum = 0;
        for (Check c : checks) {
            sum += c.discrepancy();
        }
        return sum;
    }

    public List<Check> failed() {
        return checks.stream().filter(c -> c.discrepancy() != 0).toList();
    }
}
