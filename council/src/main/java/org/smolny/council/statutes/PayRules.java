package org.smolny.council.statutes;

import java.math.BigDecimal;

/**
 * The cap on officials' pay and benefits.
 *
 * @param capMultiple the most an official may receive in a month, as a multiple of the members' median monthly wage
 */
public record PayRules(BigDecimal capMultiple) {

    public PayRules {
        if (capMultiple == null || capMultiple.signum() <= 0) {
            throw new IllegalArgumentException("the pay cap multiple must be above zero");
        }
        capMultiple = capMultiple.stripTrailingZeros();
    }
}
