package org.smolny.council.register;

import org.smolny.council.command.Context;
import org.smolny.council.command.Outcome;
import org.smolny.council.command.Rule;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.Mandate;

import java.util.Optional;

/** Decides register commands ({@link PayPolicy} lists the rules). Stateless. */
public final class RegisterDesk {

    private RegisterDesk() {
    }

    public static Outcome decide(RegisterCommand command, Context context) {
        return switch (command) {
            case RegisterCommand.DeclareMedianWage declare -> Outcome.accept(
                    new CouncilEvent.MedianWageDeclared(declare.monthlyMinor(), declare.currency(), declare.source()));
            case RegisterCommand.RecordPayment payment -> pay(payment, context);
        };
    }

    private static Outcome pay(RegisterCommand.RecordPayment payment, Context context) {
        if (payment.payment() == null || context.state().register().find(payment.payment()).isPresent()) {
            return Outcome.reject("a new payment needs a new id");
        }
        if (payment.amountMinor() < 1) {
            return Outcome.reject("a payment is above zero");
        }
        Register.MedianWage median = context.state().register().median().orElse(null);
        if (median == null) {
            return Outcome.reject("no median wage has been declared, so the cap cannot be computed: declare the members' median wage first");
        }
        Mandate mandate = payment.mandate() == null ? null : context.state().mandates().find(payment.mandate()).orElse(null);
        if (mandate == null) {
            return Outcome.reject("a payment names the mandate it is paid for");
        }
        long total = context.state().register().monthTotal(payment.official(), payment.month()) + payment.amountMinor();
        long cap = PayPolicy.cap(median, context);
        Optional<String> refusal = Rule.firstBroken(PayPolicy.PAYING, new PayPolicy.Payment(payment, mandate, median, total, cap, context));
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        return Outcome.accept(new CouncilEvent.PaymentRecorded(payment.payment(), payment.official(), mandate.unit(), mandate.id(),
                payment.month(), payment.kind(), payment.description(), payment.amountMinor(), payment.currency(), total, cap,
                total > cap ? payment.congressVote() : null));
    }
}
