package io.rialto.core.book;

/** Self-trade prevention rules against {@link MatchingBook}. */
class MatchingBookSelfTradePreventionTest extends AbstractSelfTradePreventionTest {

    @Override
    BookUnderTest create(SelfTradePrevention stp, MatchingListener listener) {
        return BookUnderTest.engine(stp, listener);
    }
}
