package org.smolny.council.register;

import org.smolny.council.command.Command;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.MemberId;
import org.smolny.council.statutes.VoteTally;

/** Commands on the public register of officials' pay and benefits. */
public sealed interface RegisterCommand extends Command {

    /** Declare the members' median monthly wage (minor units of {@code currency}), from which the cap is computed. */
    record DeclareMedianWage(long monthlyMinor, String currency, String source) implements RegisterCommand {
    }

    /**
     * Record a payment (pay or a benefit at its money value) to the holder of {@code mandate} for {@code month}
     * (YYYY-MM). Above the cap it is refused unless {@code congressVote} (may be null) names a closed congress vote
     * that carried a {@code pay_above_cap} motion naming this payment's id.
     */
    record RecordPayment(PaymentId payment, MemberId official, MandateId mandate, String month, PaymentKind kind,
                         String description, long amountMinor, String currency,
                         org.smolny.council.congress.CongressVoteRef congressVote) implements RegisterCommand {
    }
}
