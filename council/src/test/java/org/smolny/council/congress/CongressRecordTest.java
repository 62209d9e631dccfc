package org.smolny.council.congress;

import org.junit.jupiter.api.Test;
import org.smolny.council.Council;
import org.smolny.council.election.ElectionCommand;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.Entry;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.event.EventTypes;
import org.smolny.council.event.MalformedEntryException;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.LineEdit;
import org.smolny.council.motion.MotionText;
import org.smolny.council.statutes.DecisionType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A congress is a projection of the record: every congress event survives the record's JSON and rebuilds the same state. */
class CongressRecordTest {

    private final CongressHall hall = new CongressHall();

    /** Plays a congress that produces every kind of congress event. */
    private void playEveryKindOfEvent() {
        var union = hall.union;
        ElectionId election = ElectionId.generate(union.clock.instant());
        union.accept(new ElectionCommand.ScheduleElection(election, "general-secretary", union.national, 1,
                union.clock.instant().plus(Duration.ofDays(30))), null);
        hall.inSessionOnFirstItem();
        MemberId chair = hall.chair;
        union.accept(new CongressCommand.RecordAttendance(hall.congress, hall.delegateMandates.get(hall.warehouse), hall.delegate(hall.warehouse), false), chair);
        union.accept(new CongressCommand.SeatAlternate(hall.congress, hall.delegateMandates.get(hall.warehouse), hall.alternateMandates.get(hall.warehouse)), chair);
        List<MemberId> seated = List.of(hall.delegate(union.docks), hall.delegate(union.depot), hall.delegate(union.harbour),
                hall.alternate(hall.warehouse), hall.delegate(hall.airport));
        union.accept(new CongressCommand.AskToSpeak(hall.congress, Side.FOR), seated.get(0));
        union.accept(new CongressCommand.CallNextSpeaker(hall.congress), chair);

        MotionId motion = hall.table(seated.get(0), "Hours", DecisionType.ORDINARY, "One.", "Two.", "Three.");
        AmendmentId wide = AmendmentId.generate(union.clock.instant());
        AmendmentId narrow = AmendmentId.generate(union.clock.instant());
        AmendmentId insertion = AmendmentId.generate(union.clock.instant());
        union.accept(new CongressCommand.MoveAmendment(hall.congress, wide, motion, new LineEdit.Replace(2, 3, List.of("Two and three."))), seated.get(1));
        union.accept(new CongressCommand.MoveAmendment(hall.congress, narrow, motion, new LineEdit.Delete(2, 2)), seated.get(2));
        union.accept(new CongressCommand.MoveAmendment(hall.congress, insertion, motion, new LineEdit.Insert(1, List.of("One and a half."))), seated.get(3));
        union.accept(new CongressCommand.WithdrawAmendment(hall.congress, insertion), seated.get(3));
        union.accept(new CongressCommand.OpenVote(hall.congress, motion, wide, VoteMode.CARD), chair);
        seated.forEach(voter -> union.accept(new CongressCommand.CastVote(hall.congress, Position.FOR), voter));
        union.accept(new CongressCommand.CloseVote(hall.congress), chair);
        union.accept(new CongressCommand.OpenVote(hall.congress, motion, null, VoteMode.NAMED), chair);
        seated.forEach(voter -> union.accept(new CongressCommand.CastVote(hall.congress, Position.AGAINST), voter));
        union.accept(new CongressCommand.CloseVote(hall.congress), chair);

        MotionId first = hall.table(seated.get(1), "Pay", DecisionType.ORDINARY, "Pay rises.");
        MotionId second = hall.table(seated.get(2), "More pay", DecisionType.ORDINARY, "More pay rises.");
        MotionId composite = MotionId.generate(union.clock.instant());
        union.accept(new CongressCommand.CompositeMotions(hall.congress, composite, List.of(first, second), "Pay", MotionText.of("Pay rises for all.")), chair);
        union.accept(new CongressCommand.WithdrawMotion(hall.congress, composite), seated.get(2));
        MotionId remitted = hall.table(seated.get(4), "Study", DecisionType.ORDINARY, "Study the pension scheme.");
        union.accept(new CongressCommand.RemitMotion(hall.congress, remitted, "national-executive"), seated.get(4));

        PlatformId platform = PlatformId.generate(union.clock.instant());
        union.accept(new CongressCommand.PublishPlatform(hall.congress, platform, PlatformKind.PLATFORM, null, "Rank and file",
                MotionText.of("Officials on a worker's wage."), List.of(seated.get(4))), seated.get(4));
        union.accept(new CongressCommand.SignPlatform(hall.congress, platform), seated.get(3));

        union.accept(new CongressCommand.TakeItem(hall.congress, 2), chair);
        union.accept(new CongressCommand.ExtendItem(hall.congress, 2, 15, "two more candidates for the executive"), chair);
        ElectionId executive = ElectionId.generate(union.clock.instant());
        union.accept(new ElectionCommand.ScheduleElection(executive, "national-executive", union.national, 2,
                union.clock.instant().plus(Duration.ofDays(30))), null);
        List<MemberId> slate = List.of(hall.members.get(union.depot).get(5), hall.members.get(union.depot).get(6),
                hall.members.get(union.depot).get(7));
        union.accept(new CongressCommand.OpenElection(hall.congress, executive, null, slate, VoteMode.CARD), chair);
        union.accept(new CongressCommand.CastRankedBallot(hall.congress, executive, List.of(slate.get(2))), seated.get(0));
        seated.forEach(voter -> union.accept(new CongressCommand.CastRankedBallot(hall.congress, executive, slate), voter));
        union.accept(new CongressCommand.CloseElection(hall.congress, executive), chair);
        MemberId candidate = hall.members.get(union.docks).get(20);
        union.accept(new CongressCommand.ElectBody(hall.congress, election, "irv", List.of(candidate, hall.members.get(union.docks).get(21)),
                List.of(List.of(candidate), List.of(candidate), List.of())), chair);
        union.accept(new CongressCommand.CloseCongress(hall.congress), chair);
    }

    @Test
    void a_congress_produces_every_kind_of_congress_event_and_each_survives_the_records_json() throws MalformedEntryException {
        playEveryKindOfEvent();

        Set<String> recorded = hall.union.record.stream().map(Entry::type).collect(Collectors.toSet());
        assertThat(recorded).containsAll(CongressEvent.TYPES.keySet());
        assertThat(EventTypes.all()).containsAllEntriesOf(CongressEvent.TYPES);
        List<Entry> decoded = new ArrayList<>();
        for (Entry entry : hall.union.record) {
            Entry read = EntryCodec.fromJson(EntryCodec.toJson(entry));
            assertThat(read).isEqualTo(entry);
            decoded.add(read);
        }
        assertThat(Council.rebuild(hall.union.org, decoded).state()).isEqualTo(hall.union.council.state());
    }

    @Test
    void nothing_happens_at_a_closed_congress() {
        playEveryKindOfEvent();

        assertThat(hall.union.reject(new CongressCommand.AskToSpeak(hall.congress, Side.FOR), hall.delegate(hall.union.docks)))
                .isEqualTo("the congress is closed");
        assertThat(hall.union.reject(new CongressCommand.AccreditDelegate(hall.congress, hall.delegateMandates.get(hall.union.docks)), hall.chair))
                .isEqualTo("the congress is closed");
    }

    @Test
    void an_entry_with_an_invalid_congress_body_is_refused_when_read() {
        hall.convene();
        String json = EntryCodec.toJson(hall.union.record.getLast());

        assertThatThrownBy(() -> EntryCodec.fromJson(json.replace("\"kind\":\"regular\"", "\"kind\":\"by-decree\"")))
                .isInstanceOf(MalformedEntryException.class).hasMessageContaining("unknown ConveningKind 'by-decree'");
        assertThatThrownBy(() -> EntryCodec.fromJson(json.replace("\"delegatePost\":\"congress-delegate\"", "\"delegatePost\":\"\"")))
                .isInstanceOf(MalformedEntryException.class).hasMessageContaining("the delegates' post is missing");
    }
}
