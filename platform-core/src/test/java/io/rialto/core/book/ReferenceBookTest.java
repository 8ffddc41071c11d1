package io.rialto.core.book;

/** The matching rules against the naive {@link ReferenceBook}: the oracle of the differential tests is right too. */
class ReferenceBookTest extends AbstractMatchingRulesTest {

    @Override
    BookUnderTest create(SelfTradePrevention stp, MatchingListener listener) {
        return new ReferenceBook(stp, listener);
    }
}
