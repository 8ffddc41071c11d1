package io.rialto.core.book;

/** Self-trade prevention rules against the naive {@link ReferenceBook}. */
class ReferenceBookSelfTradePreventionTest extends AbstractSelfTradePreventionTest {

    @Override
    BookUnderTest create(SelfTradePrevention stp, MatchingListener listener) {
        return new ReferenceBook(stp, listener);
    }
}
