package org.smolny.council.congress;

import org.junit.jupiter.api.Test;
import org.smolny.council.mandate.MandateCommand;
import org.smolny.council.mandate.MandateId;
import org.smolny.council.member.MemberId;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials: each delegate's mandate is checked against the mandates on the record; alternates; quorum. */
class CredentialsTest {

    private final CongressHall hall = new CongressHall();

    CredentialsTest() {
        hall.convene();
    }

    @Test
    void a_delegate_with_a_mandate_in_force_sits_with_the_members_of_their_branch_as_cards() {
        hall.union.accept(new CongressCommand.AccreditDelegate(hall.congress, hall.delegateMandates.get(hall.union.docks)), hall.chair);

        Seat seat = hall.state().seat(hall.delegateMandates.get(hall.union.docks)).orElseThrow();
        assertThat(seat.delegate()).isEqualTo(hall.delegate(hall.union.docks));
        assertThat(seat.electedIn()).isEqualTo(hall.union.docks);
        assertThat(seat.cards()).isEqualTo(30);
        assertThat(seat.present()).isTrue();
    }

    @Test
    void a_delegate_who_gave_up_their_mandate_is_refused_credentials_with_the_reason() {
        MandateId mandate = hall.delegateMandates.get(hall.union.depot);
        hall.union.accept(new MandateCommand.RelinquishMandate(mandate, "moved abroad"), hall.delegate(hall.union.depot));

        String reason = hall.union.reject(new CongressCommand.AccreditDelegate(hall.congress, mandate), hall.chair);

        assertThat(reason).isEqualTo("credentials refused: the mandate presented is not in force (ended by its term, by recall, or never conferred)");
        assertThat(hall.state().seats()).isEmpty();
    }

    @Test
    void a_mandate_for_another_post_gives_no_seat_at_congress() {
        String reason = hall.union.reject(new CongressCommand.AccreditDelegate(hall.congress, hall.alternateMandates.get(hall.union.docks)), hall.chair);

        assertThat(reason).isEqualTo("credentials refused: the mandate is for 'congress-alternate', not a 'congress-delegate' mandate to this congress");
    }

    @Test
    void a_delegate_is_accredited_once_and_only_by_the_chair() {
        MandateId mandate = hall.delegateMandates.get(hall.union.docks);
        assertThat(hall.union.reject(new CongressCommand.AccreditDelegate(hall.congress, mandate), hall.delegate(hall.union.docks)))
                .isEqualTo("only the chair of the congress can do this");
        hall.union.accept(new CongressCommand.AccreditDelegate(hall.congress, mandate), hall.chair);
        assertThat(hall.union.reject(new CongressCommand.AccreditDelegate(hall.congress, mandate), hall.chair))
                .isEqualTo("this delegate is already accredited");
    }

    @Test
    void an_alternate_of_the_same_branch_takes_the_seat_of_an_absent_delegate_until_the_delegate_returns() {
        MandateId seat = hall.delegateMandates.get(hall.union.docks);
        hall.union.accept(new CongressCommand.AccreditDelegate(hall.congress, seat), hall.chair);
        String present = hall.union.reject(new CongressCommand.SeatAlternate(hall.congress, seat, hall.alternateMandates.get(hall.union.docks)), hall.chair);
        assertThat(present).isEqualTo("the delegate is present: an alternate sits only in an absent delegate's place");

        hall.union.accept(new CongressCommand.RecordAttendance(hall.congress, seat, hall.delegate(hall.union.docks), false), hall.chair);
        String otherBranch = hall.union.reject(new CongressCommand.SeatAlternate(hall.congress, seat, hall.alternateMandates.get(hall.union.depot)), hall.chair);
        assertThat(otherBranch).startsWith("the alternate was elected in another unit than the absent delegate");

        hall.union.accept(new CongressCommand.SeatAlternate(hall.congress, seat, hall.alternateMandates.get(hall.union.docks)), hall.chair);
        Seat taken = hall.state().seat(seat).orElseThrow();
        assertThat(taken.occupant()).isEqualTo(hall.alternate(hall.union.docks));
        assertThat(taken.present()).isTrue();
        assertThat(taken.cards()).isEqualTo(30);

        hall.union.accept(new CongressCommand.RecordAttendance(hall.congress, seat, hall.delegate(hall.union.docks), true), hall.chair);
        assertThat(hall.state().seat(seat).orElseThrow().occupant()).isEqualTo(hall.delegate(hall.union.docks));
    }

    @Test
    void the_congress_does_not_open_without_its_quorum() {
        MandateId seat = hall.delegateMandates.get(hall.union.docks);
        hall.union.accept(new CongressCommand.AccreditDelegate(hall.congress, seat), hall.chair);
        hall.union.accept(new CongressCommand.RecordAttendance(hall.congress, seat, hall.delegate(hall.union.docks), false), hall.chair);
        hall.union.passDays(7);

        String reason = hall.union.reject(new CongressCommand.OpenCongress(hall.congress), hall.chair);

        assertThat(reason).isEqualTo("no quorum: 0 of 5 seats are occupied by delegates present; the statutes (decisions.ordinary) require 0.1 (1)");
        hall.union.accept(new CongressCommand.RecordAttendance(hall.congress, seat, hall.delegate(hall.union.docks), true), hall.chair);
        hall.union.accept(new CongressCommand.OpenCongress(hall.congress), hall.chair);
        Congress.InSession session = (Congress.InSession) hall.state().phase();
        assertThat(session.entitledSeats()).isEqualTo(5);
        assertThat(session.entitledCards()).isEqualTo(85);
    }

    @Test
    void the_congress_does_not_open_before_the_date_it_was_convened_for() {
        hall.union.accept(new CongressCommand.AccreditDelegate(hall.congress, hall.delegateMandates.get(hall.union.docks)), hall.chair);

        assertThat(hall.union.reject(new CongressCommand.OpenCongress(hall.congress), hall.chair)).contains("it cannot open earlier");
        MemberId anyone = hall.members.get(hall.airport).get(3);
        assertThat(hall.union.reject(new CongressCommand.OpenCongress(hall.congress), anyone)).isEqualTo("only the chair of the congress can do this");
    }
}
