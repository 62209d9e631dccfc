package org.smolny.council.congress;

import org.junit.jupiter.api.Test;
import org.smolny.council.Council;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.Entry;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.event.MalformedEntryException;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.mandate.MandateCommand;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.LineEdit;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.unit.UnitId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole congress on the record: credentials (one refused), an alternate, the agenda, the speakers' list, an amended
 * motion passed by card vote, an STV election of the executive, the minutes, and the same state rebuilt from the
 * record's JSON.
 */
class FullCongressTest {

    private final CongressHall hall = new CongressHall();

    @Test
    void a_congress_checks_credentials_adopts_an_amended_motion_by_card_vote_and_elects_its_executive_by_stv()
            throws MalformedEntryException {
        var union = hall.union;
        MemberId chair = hall.chair;
        // The Depot's delegate resigns the mandate before congress: their credentials are refused.
        union.accept(new MandateCommand.RelinquishMandate(hall.delegateMandates.get(union.depot), "new job abroad"), hall.delegate(union.depot));
        ElectionId executive = ElectionId.generate(union.clock.instant());
        union.accept(new ElectionCommand.ScheduleElection(executive, "national-executive", union.national, 2,
                union.clock.instant().plus(Duration.ofDays(30))), null);
        hall.convene();
        for (UnitId branch : List.of(union.docks, union.harbour, hall.warehouse, hall.airport)) {
            union.accept(new CongressCommand.AccreditDelegate(hall.congress, hall.delegateMandates.get(branch)), chair);
        }
        assertThat(union.reject(new CongressCommand.AccreditDelegate(hall.congress, hall.delegateMandates.get(union.depot)), chair))
                .startsWith("credentials refused");
        // The Warehouse delegate is ill; the Warehouse alternate takes the seat.
        union.accept(new CongressCommand.RecordAttendance(hall.congress, hall.delegateMandates.get(hall.warehouse), hall.delegate(hall.warehouse), false), chair);
        union.accept(new CongressCommand.SeatAlternate(hall.congress, hall.delegateMandates.get(hall.warehouse), hall.alternateMandates.get(hall.warehouse)), chair);
        union.passDays(7);
        union.accept(new CongressCommand.OpenCongress(hall.congress), chair);
        union.accept(new CongressCommand.AdoptAgenda(hall.congress, List.of(new AgendaItem("Policy on the working week", 60, 3),
                new AgendaItem("Election of the national executive", 30, 2))), chair);
        union.accept(new CongressCommand.TakeItem(hall.congress, 1), chair);

        MemberId docks = hall.delegate(union.docks);
        MemberId harbour = hall.delegate(union.harbour);
        MemberId warehouse = hall.alternate(hall.warehouse);
        MemberId airport = hall.delegate(hall.airport);
        MotionId motion = hall.table(docks, "A 35-hour week", DecisionType.ORDINARY,
                "Congress notes that overtime is unpaid in many depots.",
                "Congress believes the working week should be 35 hours.",
                "Congress instructs the executive to open negotiations.");
        AmendmentId amendment = AmendmentId.generate(union.clock.instant());
        union.accept(new CongressCommand.MoveAmendment(hall.congress, amendment, motion, new LineEdit.Replace(2, 2,
                List.of("Congress believes the working week should be 32 hours, with no loss of pay."))), airport);
        union.accept(new CongressCommand.AskToSpeak(hall.congress, Side.FOR), docks);
        union.accept(new CongressCommand.AskToSpeak(hall.congress, Side.AGAINST), harbour);
        union.accept(new CongressCommand.CallNextSpeaker(hall.congress), chair);
        union.accept(new CongressCommand.CallNextSpeaker(hall.congress), chair);

        // The amendment: Docks (30) and Airport (15) for, Harbour (20) against, Warehouse (8) abstains: carried by cards.
        union.accept(new CongressCommand.OpenVote(hall.congress, motion, amendment, VoteMode.CARD), chair);
        for (var vote : Map.of(docks, Position.FOR, airport, Position.FOR, harbour, Position.AGAINST, warehouse, Position.ABSTAIN).entrySet()) {
            union.accept(new CongressCommand.CastVote(hall.congress, vote.getValue()), vote.getKey());
        }
        union.accept(new CongressCommand.CloseVote(hall.congress), chair);
        // The motion as amended: Docks and Warehouse for (38), Harbour and Airport against (35): carried by cards.
        union.accept(new CongressCommand.OpenVote(hall.congress, motion, null, VoteMode.CARD), chair);
        for (var vote : Map.of(docks, Position.FOR, warehouse, Position.FOR, harbour, Position.AGAINST, airport, Position.AGAINST).entrySet()) {
            union.accept(new CongressCommand.CastVote(hall.congress, vote.getValue()), vote.getKey());
        }
        union.accept(new CongressCommand.CloseVote(hall.congress), chair);

        union.accept(new CongressCommand.TakeItem(hall.congress, 2), chair);
        List<MemberId> harbourMembers = hall.members.get(union.harbour);
        MemberId left = harbourMembers.get(10);
        MemberId centre = harbourMembers.get(11);
        MemberId right = harbourMembers.get(12);
        MemberId minority = hall.members.get(hall.airport).get(6);
        union.accept(new CongressCommand.ElectBody(hall.congress, executive, "stv-scottish", List.of(left, centre, right, minority),
                List.of(List.of(left, centre, right), List.of(left, right, centre), List.of(minority, left), List.of(minority))), chair);
        // Quota: 4 papers for 2 seats, floor(4 / 3) + 1 = 2. The majority's first choice and the minority's each reach it.
        union.accept(new CongressCommand.CloseCongress(hall.congress), chair);

        Congress congress = hall.state();
        Motion adopted = congress.motion(motion).orElseThrow();
        assertThat(adopted.fate()).isInstanceOf(Motion.Carried.class);
        Motion.Carried carried = (Motion.Carried) adopted.fate();
        assertThat(carried.adopted().line(2)).isEqualTo("Congress believes the working week should be 32 hours, with no loss of pay.");
        assertThat(carried.decision().sentence()).startsWith("Carried: 38 for, 35 against, 0 abstaining; the rule is a simple majority");
        assertThat(congress.amendment(amendment).orElseThrow().fate()).isInstanceOf(Amendment.Carried.class);
        assertThat(congress.phase()).isInstanceOf(Congress.Closed.class);
        assertThat(union.council.state().mandates().activeFor("national-executive", union.national))
                .extracting(Mandate.Active::holder).containsExactlyInAnyOrder(left, minority);

        String minutes = Minutes.write(hall.congress, union.record, hall::name);
        assertThat(minutes).contains(
                "# Minutes of the congress of General Union",
                "| " + hall.name(hall.delegate(hall.warehouse)) + " | Warehouse | 8 | alternate " + hall.name(warehouse) + " | yes |",
                "1. Policy on the working week (60 minutes; 3 minutes per speaker)",
                "Speakers: " + hall.name(docks) + " (for); " + hall.name(harbour) + " (against)",
                "- replace line 2 with: Congress believes the working week should be 32 hours, with no loss of pay. — moved by "
                        + hall.name(airport) + ": Carried: 45 for, 20 against, 8 abstaining",
                "Card vote: ",
                hall.name(docks) + " for (30)",
                "As adopted:",
                "### national-executive (2 seats, counted by stv-scottish)",
                "- Elected: ",
                "Round 1: ");
        assertThat(minutes).doesNotContain(hall.delegate(hall.warehouse).toString());

        List<Entry> exported = new ArrayList<>();
        for (Entry entry : union.record) {
            Entry read = EntryCodec.fromJson(EntryCodec.toJson(entry));
            assertThat(read).isEqualTo(entry);
            exported.add(read);
        }
        assertThat(Council.rebuild(union.org, exported).state()).isEqualTo(union.council.state());
        assertThat(Minutes.write(hall.congress, exported, hall::name)).isEqualTo(minutes);
        assertThat(Minutes.write(congress, unit -> union.council.state().units().find(unit).orElseThrow().name(), hall::name))
                .as("the server writes the minutes from the projection: the same as from the record").isEqualTo(minutes);
        Set<String> types = hall.congressEvents().stream().map(event -> Entry.of(union.org, union.clock.instant(), null, event).type())
                .collect(Collectors.toSet());
        assertThat(types).contains("congress.convened", "delegate.accredited", "alternate.seated", "attendance.recorded",
                "congress.opened", "agenda.adopted", "agenda-item.taken", "speaker.listed", "speaker.called", "motion.tabled",
                "amendment.moved", "vote.opened", "vote.cast", "vote.closed", "body.elected", "election-ballots.recorded", "congress.closed");
    }
}
