package org.smolny.council.register;

import org.smolny.council.event.CouncilEvent;
import org.smolny.council.member.MemberId;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The public register of officials' pay and benefits: a projection of {@code median-wage.declared} and {@code payment.recorded}. Not thread-safe. */
public final class Register {

    /** The members' median monthly wage. */
    public record MedianWage(long monthlyMinor, String currency) {
    }

    /** An official's month. */
    public record OfficialMonth(MemberId official, String month) {
    }

    private MedianWage median;
    private final Map<PaymentId, CouncilEvent.PaymentRecorded> payments = new HashMap<>();
    private final Map<OfficialMonth, Long> monthTotals = new HashMap<>();

    public Optional<MedianWage> median() {
        return Optional.ofNullable(median);
    }

    public Optional<CouncilEvent.PaymentRecorded> find(PaymentId id) {
        return Optional.ofNullable(payments.get(id));
    }

    public Collection<CouncilEvent.PaymentRecorded> payments() {
        return Collections.unmodifiableCollection(payments.values());
    }

    /** What {@code official} has received for {@code month} (YYYY-MM), in minor units. */
    public long monthTotal(MemberId official, String month) {
        return monthTotals.getOrDefault(new OfficialMonth(official, month), 0L);
    }

    /** Every official's total per month. */
    public Map<OfficialMonth, Long> monthTotals() {
        return Collections.unmodifiableMap(monthTotals);
    }

    public void apply(CouncilEvent event, Instant at) {
        switch (event) {
            case CouncilEvent.MedianWageDeclared declared -> median = new MedianWage(declared.monthlyMinor(), declared.currency());
            case CouncilEvent.PaymentRecorded payment -> {
                payments.put(payment.payment(), payment);
                monthTotals.merge(new OfficialMonth(payment.official(), payment.month()), payment.amountMinor(), Long::sum);
            }
            default -> {
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Register that && Objects.equals(median, that.median) && payments.equals(that.payments)
                && monthTotals.equals(that.monthTotals);
    }

    @Override
    public int hashCode() {
        return payments.hashCode();
    }
}
