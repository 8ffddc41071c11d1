package io.rialto.core.ops;

/** How much the platform is allowed to do, worst last. */
public enum HealthMode {
    /** Everything runs. */
    FULL,
    /** Cold-tier strategies throttled, new strategies refused. */
    REDUCED,
    /** Only cancels and position-reducing orders. */
    EMERGENCY,
    /** Cancel everything and halt. */
    SAFE
}
