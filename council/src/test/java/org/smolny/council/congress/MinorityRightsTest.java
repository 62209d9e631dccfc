package org.smolny.council.congress;

import org.junit.jupiter.api.Test;
import org.smolny.council.Council;
import org.smolny.council.event.Entry;
import org.smolny.council.event.EntryCodec;
import org.smolny.council.event.MalformedEntryException;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.MotionText;
import org.smolny.council.statutes.DecisionType;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Drill D8: the majority silences a minority. Its platform and counter-motion stay on the record and beside the motion. */
class MinorityRightsTest {

    private final CongressHall hall = new CongressHall();
    private final MotionId motion;
    private final PlatformId counterMotion;
    private final MemberId minority;

    MinorityRightsTest() {
        hall.inSessionOnFirstItem();
        motion = hall.table(hall.delegate(hall.union.docks), "Support the leadership's wage deal", DecisionType.ORDINARY,
                "Congress endorses the wage deal negotiated by the executive.");
        minority = hall.delegate(hall.warehouse);
        counterMotion = PlatformId.generate(hall.union.clock.instant());
        hall.union.accept(new CongressCommand.PublishPlatform(hall.congress, counterMotion, PlatformKind.COUNTER_MOTION, motion,
                "Reject the wage deal", MotionText.of("Congress rejects the deal: it is a pay cut after inflation.\nCongress calls a ballot on strike action."),
                List.of(minority, hall.delegate(hall.airport))), minority);
    }

    @Test
    void drill_d8_the_majority_cannot_remove_the_minoritys_counter_motion_it_stays_on_the_record_and_beside_the_motion() {
        String byChair = hall.union.reject(new CongressCommand.RemovePlatform(hall.congress, counterMotion, "off message"), hall.chair);
        String byMajority = hall.union.reject(new CongressCommand.RemovePlatform(hall.congress, counterMotion,
                "the majority voted to remove it"), hall.delegate(hall.union.docks));

        assertThat(byChair).isEqualTo(byMajority).isEqualTo("refused: the 'Reject the wage deal' stays on the record and beside"
                + " the majority's motion. The statutes guarantee tendency rights: no majority, chair or body can remove a"
                + " minority's platform or counter-motion");
        assertThat(hall.state().beside(motion)).extracting(Platform::id).containsExactly(counterMotion);
        assertThat(hall.congressEvents()).filteredOn(CongressEvent.PlatformPublished.class::isInstance).hasSize(1);
    }

    @Test
    void the_counter_motion_is_still_there_after_the_motion_is_carried_in_the_minutes_and_in_a_state_rebuilt_from_the_record()
            throws MalformedEntryException {
        hall.union.accept(new CongressCommand.OpenVote(hall.congress, motion, null, VoteMode.CARD), hall.chair);
        for (MemberId delegate : List.of(hall.delegate(hall.union.docks), hall.delegate(hall.union.harbour))) {
            hall.union.accept(new CongressCommand.CastVote(hall.congress, org.smolny.council.mandate.Position.FOR), delegate);
        }
        hall.union.accept(new CongressCommand.CloseVote(hall.congress), hall.chair);
        hall.union.reject(new CongressCommand.RemovePlatform(hall.congress, counterMotion, "the matter is settled"), hall.chair);

        List<Entry> exported = new ArrayList<>();
        for (Entry entry : hall.union.record) {
            exported.add(EntryCodec.fromJson(EntryCodec.toJson(entry)));
        }
        Congress rebuilt = Council.rebuild(hall.union.org, exported).state().congresses().find(hall.congress).orElseThrow();
        String minutes = Minutes.write(hall.congress, exported, hall::name);

        assertThat(rebuilt.beside(motion)).extracting(Platform::title).containsExactly("Reject the wage deal");
        assertThat(minutes).contains("Beside this motion, the minority's counter-motion:", "> **Reject the wage deal** — signed by "
                + hall.name(minority) + ", " + hall.name(hall.delegate(hall.airport)), "> Congress calls a ballot on strike action.");
    }

    @Test
    void more_delegates_sign_the_counter_motion_after_it_is_published_each_once() {
        MemberId harbour = hall.delegate(hall.union.harbour);
        hall.union.accept(new CongressCommand.SignPlatform(hall.congress, counterMotion), harbour);

        assertThat(hall.state().platform(counterMotion).orElseThrow().signatories())
                .containsExactly(minority, hall.delegate(hall.airport), harbour);
        assertThat(hall.union.reject(new CongressCommand.SignPlatform(hall.congress, counterMotion), harbour))
                .isEqualTo("you have already signed 'Reject the wage deal'");
    }

    @Test
    void only_delegates_sign_a_platform_and_whoever_publishes_it_signs() {
        MemberId outsider = hall.members.get(hall.union.docks).get(12);

        String unsigned = hall.union.reject(new CongressCommand.PublishPlatform(hall.congress, PlatformId.generate(hall.union.clock.instant()),
                PlatformKind.PLATFORM, null, "Left platform", MotionText.of("For workers' control."), List.of(hall.delegate(hall.airport))), minority);
        String outsiderSigns = hall.union.reject(new CongressCommand.PublishPlatform(hall.congress, PlatformId.generate(hall.union.clock.instant()),
                PlatformKind.PLATFORM, null, "Left platform", MotionText.of("For workers' control."), List.of(minority, outsider)), minority);

        assertThat(unsigned).isEqualTo("whoever publishes a platform signs it");
        assertThat(outsiderSigns).isEqualTo("signatory " + outsider + " does not sit at this congress: delegates sign platforms");
    }
}
