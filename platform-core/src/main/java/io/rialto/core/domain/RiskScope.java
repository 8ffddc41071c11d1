package io.rialto.core.domain;

/** What a kill switch or a trading state applies to. {@code GLOBAL} takes no target. */
public enum RiskScope {
    GLOBAL,
    ACCOUNT,
    STRATEGY,
    INSTRUMENT,
    VENUE
}
