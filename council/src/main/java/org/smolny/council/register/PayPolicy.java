package org.smolny.council.register;

import org.smolny.council.command.Context;
import org.smolny.council.command.Rule;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.statutes.DecisionType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Every rule on officials' pay and benefits, in one place (drill D7): every payment is on the public register; an
 * official's month, pay and benefits together, stays within the cap (a multiple of the members' median wage set by
 * the statutes) unless the congress votes the excess.
 */
public final class PayPolicy {

    private PayPolicy() {
    }

    /** A payment about to be recorded, with the month's total it would make and the cap. */
    public record Payment(RegisterCommand.RecordPayment command, Mandate mandate, Register.MedianWage median,
                          long monthTotal, long cap, Context context) {
    }

    /** The cap, in minor units: the statutory multiple of the median, rounded down. */
    public static long cap(Register.MedianWage median, Context context) {
        return context.statutes().pay().capMultiple().multiply(BigDecimal.valueOf(median.monthlyMinor()))
                .setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    public static final Rule<Payment> PAYMENTS_ARE_TO_OFFICIALS_IN_POST = Rule.of(
            "payments on the register go to the holder of a mandate in force",
            payment -> payment.mandate() instanceof Mandate.Active active && active.holder().equals(payment.command().official())
                    ? null : "the official does not hold that mandate in force");

    public static final Rule<Payment> ONE_CURRENCY = Rule.of(
            "payments are in the currency of the median wage",
            payment -> payment.median().currency().equals(payment.command().currency()) ? null
                    : "the cap is computed in " + payment.median().currency() + "; record the payment in that currency");

    public static final Rule<Payment> WITHIN_THE_CAP_UNLESS_THE_CONGRESS_VOTED = Rule.of(
            "an official's month stays within the cap unless the congress votes the excess",
            payment -> {
                if (payment.monthTotal() <= payment.cap()) {
                    return null;
                }
                String over = "this payment brings the official's " + payment.command().month() + " to "
                        + money(payment.monthTotal()) + " " + payment.median().currency() + ", above the cap of " + money(payment.cap())
                        + " (" + payment.context().statutes().pay().capMultiple().toPlainString() + " x the median wage of "
                        + money(payment.median().monthlyMinor()) + ")";
                if (payment.command().congressVote() == null) {
                    return over + ": refused unless the congress votes it";
                }
                return org.smolny.council.congress.CongressDecisions.refusal(payment.command().congressVote(), DecisionType.PAY_ABOVE_CAP,
                                payment.command().payment().toString(), payment.context().state())
                        .map(failure -> over + ", and the congress vote named does not carry it: " + failure).orElse(null);
            });

    /** The rules for recording a payment, in the order checked. */
    public static final List<Rule<Payment>> PAYING = List.of(PAYMENTS_ARE_TO_OFFICIALS_IN_POST, ONE_CURRENCY,
            WITHIN_THE_CAP_UNLESS_THE_CONGRESS_VOTED);

    private static String money(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
