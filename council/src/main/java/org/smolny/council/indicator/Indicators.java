package org.smolny.council.indicator;

import org.smolny.council.command.Context;
import org.smolny.council.election.Election;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.expulsion.Charge;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.mandate.MandateSource;
import org.smolny.council.meeting.MeetingDesk;
import org.smolny.council.member.MemberId;
import org.smolny.council.member.Membership;
import org.smolny.council.projection.CouncilState;
import org.smolny.council.recall.RecallPetition;
import org.smolny.council.register.Register;
import org.smolny.council.statutes.BodyRule;
import org.smolny.council.statutes.Statutes;
import org.smolny.council.unit.Unit;
import org.smolny.council.unit.UnitId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The public indicators of degeneration, computed from the state (which anyone can rebuild from the record):
 * membership by joining cohort and the sudden-shift alarm (D3), appointed against elected posts (D5), contested
 * elections, concentration of offices, recalls (D10),
 * expulsions and appeals (D4), overdue meetings (D9), officials' pay as a multiple of the median wage (D7), and
 * delegates' votes against their instructions. Reads the state; not thread-safe.
 */
public final class Indicators {

    private final CouncilState state;
    private final Statutes statutes;

    public Indicators(CouncilState state) {
        this.state = state;
        this.statutes = state.statutes().current().orElseThrow(() -> new IllegalStateException("no statutes adopted"));
    }

    /** Current members of {@code unit} and the units below it, by the quarter they joined ({@code 2026-Q3}), oldest first. */
    public SortedMap<String, Integer> membershipByCohort(UnitId unit) {
        SortedMap<String, Integer> cohorts = new TreeMap<>();
        for (Membership.Active member : activeWithin(unit)) {
            ZonedDateTime joined = member.admittedAt().atZone(ZoneOffset.UTC);
            cohorts.merge(joined.getYear() + "-Q" + ((joined.getMonthValue() - 1) / 3 + 1), 1, Integer::sum);
        }
        return cohorts;
    }

    /**
     * The sudden-shift indicator of a unit: how many of its current members joined it (by admission or transfer) within
     * the statutory window, and whether that share reaches the statutory alarm level.
     */
    public record AdmissionSurge(UnitId unit, int joinedInWindow, int members, boolean raised) {
    }

    public AdmissionSurge admissionSurge(UnitId unit, Instant now) {
        Instant windowStart = now.minus(Duration.ofDays(statutes.indicators().surgeWindowDays()));
        List<Membership.Active> members = activeWithin(unit);
        int joined = (int) members.stream().filter(member -> member.inUnitSince().isAfter(windowStart)).count();
        return new AdmissionSurge(unit, joined, members.size(), statutes.indicators().admissionSurge().reachedBy(joined, members.size()));
    }

    /** Every unit whose sudden-shift indicator is raised. */
    public List<AdmissionSurge> raisedSurges(Instant now) {
        List<AdmissionSurge> raised = new ArrayList<>();
        for (Unit unit : sortedUnits()) {
            AdmissionSurge surge = admissionSurge(unit.id(), now);
            if (surge.raised()) {
                raised.add(surge);
            }
        }
        return raised;
    }

    /** Mandates in force in {@code unit} and below, elected and appointed. */
    public record MandateSources(int elected, int appointed) {
        /** Appointed mandates as a share of all, 0 when there are none. */
        public BigDecimal appointedShare() {
            int all = elected + appointed;
            return all == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(appointed).divide(BigDecimal.valueOf(all), 4, RoundingMode.HALF_EVEN);
        }
    }

    public MandateSources mandateSources(UnitId unit) {
        int elected = 0;
        int appointed = 0;
        for (Mandate mandate : state.mandates().all()) {
            if (mandate instanceof Mandate.Active active && state.units().isWithin(active.unit(), unit)) {
                if (active.source() == MandateSource.ELECTED) {
                    elected++;
                } else {
                    appointed++;
                }
            }
        }
        return new MandateSources(elected, appointed);
    }

    /** Recall petitions: open, awaiting a vote, ended in a recall, closed without one. */
    public record Recalls(int open, int awaitingVote, int recalled, int notRecalled) {
    }

    public Recalls recalls() {
        int open = 0;
        int awaiting = 0;
        int recalled = 0;
        int not = 0;
        for (RecallPetition petition : state.recallPetitions().all()) {
            switch (petition) {
                case RecallPetition.Open ignored -> open++;
                case RecallPetition.AwaitingVote ignored -> awaiting++;
                case RecallPetition.Closed closed when closed.recalled() -> recalled++;
                case RecallPetition.Closed ignored -> not++;
            }
        }
        return new Recalls(open, awaiting, recalled, not);
    }

    /** Charges: pending, dismissed, expulsions, appeals pending, and reinstatements on appeal. */
    public record Expulsions(int pending, int dismissed, int expelled, int appealsPending, int reinstated) {
    }

    public Expulsions expulsions() {
        int pending = 0;
        int dismissed = 0;
        int expelled = 0;
        int appeals = 0;
        int reinstated = 0;
        for (Charge charge : state.charges().all()) {
            switch (charge) {
                case Charge.Brought ignored -> pending++;
                case Charge.Notified ignored -> pending++;
                case Charge.Heard ignored -> pending++;
                case Charge.Dismissed ignored -> dismissed++;
                case Charge.Expelled ignored -> expelled++;
                case Charge.Appealed ignored -> {
                    expelled++;
                    appeals++;
                }
                case Charge.AppealDecided decided when decided.reinstated() -> reinstated++;
                case Charge.AppealDecided ignored -> expelled++;
            }
        }
        return new Expulsions(pending, dismissed, expelled, appeals, reinstated);
    }

    /** A body past the date it had to meet by. */
    public record OverdueMeeting(String body, UnitId unit, Instant dueAt) {
    }

    public List<OverdueMeeting> overdueMeetings(Instant now) {
        Context context = new Context(state, statutes, now, null);
        List<OverdueMeeting> overdue = new ArrayList<>();
        for (Unit unit : sortedUnits()) {
            for (BodyRule body : statutes.bodies()) {
                if (body.unitType().equals(unit.type())) {
                    Instant due = MeetingDesk.dueAt(context, body, unit);
                    if (now.isAfter(due)) {
                        overdue.add(new OverdueMeeting(body.name(), unit.id(), due));
                    }
                }
            }
        }
        return overdue;
    }

    /** An official's pay and benefits for a month, as a multiple of the members' median wage. */
    public record PayMultiple(MemberId official, String month, long totalMinor, BigDecimal multiple) {
    }

    public List<PayMultiple> payMultiples(String month) {
        Register.MedianWage median = state.register().median().orElse(null);
        if (median == null) {
            return List.of();
        }
        List<PayMultiple> multiples = new ArrayList<>();
        for (Map.Entry<Register.OfficialMonth, Long> total : state.register().monthTotals().entrySet()) {
            if (total.getKey().month().equals(month)) {
                multiples.add(new PayMultiple(total.getKey().official(), month, total.getValue(),
                        BigDecimal.valueOf(total.getValue()).divide(BigDecimal.valueOf(median.monthlyMinor()), 2, RoundingMode.HALF_EVEN)));
            }
        }
        multiples.sort(Comparator.comparing(PayMultiple::multiple).reversed().thenComparing(multiple -> multiple.official().value()));
        return multiples;
    }

    /** Elections held, and how many were contested (more candidates than seats). */
    public record Contests(int held, int contested) {
    }

    public Contests contests() {
        int held = 0;
        int contested = 0;
        for (Election election : state.elections().all()) {
            if (election instanceof Election.Held done) {
                held++;
                if (done.contested()) {
                    contested++;
                }
            }
        }
        return new Contests(held, contested);
    }

    /** A member holding several mandates at once (concentration of offices). */
    public record Concentration(MemberId holder, int mandates) {
    }

    /** Every member holding more than one mandate in force, most first. */
    public List<Concentration> concentration() {
        Map<MemberId, Integer> counts = new java.util.HashMap<>();
        for (Mandate mandate : state.mandates().all()) {
            if (mandate instanceof Mandate.Active active) {
                counts.merge(active.holder(), 1, Integer::sum);
            }
        }
        List<Concentration> several = new ArrayList<>();
        counts.forEach((holder, count) -> {
            if (count > 1) {
                several.add(new Concentration(holder, count));
            }
        });
        several.sort(Comparator.comparingInt(Concentration::mandates).reversed().thenComparing(c -> c.holder().value()));
        return several;
    }

    /** Delegates' recorded votes on motions where their unit had instructed them, and how many went against the instruction. */
    public record Instructions(int instructedVotes, int againstInstruction) {
    }

    public Instructions instructions() {
        int instructed = 0;
        int against = 0;
        for (CouncilEvent.DelegateVoteRecorded vote : state.mandates().votes()) {
            if (vote.instructed() != null) {
                instructed++;
                if (!vote.followedInstruction()) {
                    against++;
                }
            }
        }
        return new Instructions(instructed, against);
    }

    /** How a delegate of a unit voted against the unit's instructions: shown to the electors. */
    public record DelegateRecord(MandateId mandate, String post, MemberId holder, int instructedVotes, int againstInstruction) {
    }

    /** For each mandate in force of {@code unit} itself, its votes on motions where the unit instructed it. */
    public List<DelegateRecord> delegateRecords(UnitId unit) {
        List<DelegateRecord> records = new ArrayList<>();
        for (Mandate mandate : state.mandates().all()) {
            if (mandate instanceof Mandate.Active active && active.unit().equals(unit) && active.source() == MandateSource.ELECTED) {
                int instructed = 0;
                int against = 0;
                for (CouncilEvent.DelegateVoteRecorded vote : state.mandates().votesOf(active.id())) {
                    if (vote.instructed() != null) {
                        instructed++;
                        if (!vote.followedInstruction()) {
                            against++;
                        }
                    }
                }
                records.add(new DelegateRecord(active.id(), active.post(), active.holder(), instructed, against));
            }
        }
        records.sort(Comparator.comparing(DelegateRecord::post).thenComparing(record -> record.mandate().value()));
        return records;
    }

    private List<Membership.Active> activeWithin(UnitId unit) {
        List<Membership.Active> members = new ArrayList<>();
        for (UnitId within : state.units().subtree(unit)) {
            for (MemberId member : state.members().activeIn(within)) {
                members.add(state.members().active(member).orElseThrow());
            }
        }
        return members;
    }

    private List<Unit> sortedUnits() {
        List<Unit> units = new ArrayList<>(state.units().all());
        units.sort(Comparator.comparing(unit -> unit.id().value()));
        return units;
    }
}
