package org.smolny.council.congress;

import org.smolny.council.command.Context;
import org.smolny.council.command.Rule;
import org.smolny.council.initiative.Initiative;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.meeting.BodyInUnit;
import org.smolny.council.meeting.MeetingDesk;
import org.smolny.council.statutes.BodyRule;
import org.smolny.council.statutes.PostRule;
import org.smolny.council.unit.Unit;

import java.time.Instant;
import java.util.List;

/**
 * Every rule of a congress, in one place: convocation (drill D9), credentials, alternates, who conducts and who
 * acts, and minority rights (drill D8). The voting rules — order, quorum and majority — are in
 * {@link org.smolny.council.motion}, and the desk applies them to each vote.
 */
public final class CongressPolicy {

    private CongressPolicy() {
    }

    /** A convocation: the unit, its sovereign body, the posts named, the context. */
    public record Convocation(CongressCommand.ConveneCongress command, Unit unit, BodyRule body, PostRule delegatePost,
                              PostRule alternatePost, Context context) {
    }

    /** A delegate presenting credentials: the mandate they present (null when none is in force). */
    public record Credentials(Congress congress, Mandate.Active mandate, Context context) {
    }

    /** An alternate asking to take a seat. */
    public record Alternate(Congress congress, Seat seat, Mandate.Active alternate, Context context) {
    }

    /** Anyone acting in a congress. */
    public record Act(Congress congress, Context context) {
    }

    /** A request to remove a minority platform. */
    public record Removal(Congress congress, Platform platform, Context context) {
    }

    // ---- convocation ----

    public static final Rule<Convocation> THE_CONGRESS_IS_THE_UNITS_SOVEREIGN_BODY = Rule.of(
            "a congress is the sovereign body of the unit it is convened for",
            convocation -> convocation.body().unitType().equals(convocation.unit().type()) ? null
                    : "the congress ('" + convocation.body().name() + "') is the body of units of type '"
                    + convocation.body().unitType() + "', not of '" + convocation.unit().name() + "' (a "
                    + convocation.unit().type() + ")");

    public static final Rule<Convocation> ONE_CONGRESS_SITS_AT_A_TIME = Rule.of(
            "a unit has one congress convened at a time",
            convocation -> convocation.context().state().congresses().sitting(convocation.unit().id())
                    .map(sitting -> "a congress of '" + convocation.unit().name() + "' is already convened ("
                            + sitting.id() + "); close it first").orElse(null));

    public static final Rule<Convocation> A_REGULAR_CONGRESS_IS_CONVENED_BY_THE_UNITS_OFFICERS = Rule.of(
            "a regular congress is convened by an officer of the unit (a holder of a mandate in force in the unit itself) or by"
                    + " the server's administrator acting as the system; a congress forced by petition, by anyone",
            convocation -> {
                if (convocation.command().kind() != ConveningKind.REGULAR || convocation.context().by() == null) {
                    return null;
                }
                boolean officer = convocation.context().state().mandates().all().stream()
                        .anyMatch(mandate -> mandate instanceof Mandate.Active && mandate.unit().equals(convocation.unit().id())
                                && mandate.holder().equals(convocation.context().by()));
                return officer ? null : "only an officer of '" + convocation.unit().name() + "' (the holder of a mandate in force"
                        + " in it) or the administrator convenes its regular congress; the members convene it by petition";
            });

    public static final Rule<Convocation> DELEGATES_ARE_ELECTED = Rule.of(
            "delegates and alternates hold elective posts (drill D5)",
            convocation -> {
                if (convocation.delegatePost() == null) {
                    return "the statutes define no post '" + convocation.command().delegatePost() + "' for delegates";
                }
                if (!convocation.delegatePost().elective()) {
                    return "post '" + convocation.delegatePost().name() + "' is filled by appointment: congress delegates are elected";
                }
                if (convocation.command().alternatePost() != null && convocation.alternatePost() == null) {
                    return "the statutes define no post '" + convocation.command().alternatePost() + "' for alternates";
                }
                if (convocation.alternatePost() != null && !convocation.alternatePost().elective()) {
                    return "post '" + convocation.alternatePost().name() + "' is filled by appointment: alternates are elected";
                }
                return null;
            });

    public static final Rule<Convocation> IT_OPENS_AFTER_IT_IS_CONVENED = Rule.of(
            "a congress opens after it is convened",
            convocation -> convocation.command().opensAt() != null && !convocation.command().opensAt().isBefore(convocation.context().now())
                    ? null : "a congress is convened for a date from now on");

    public static final Rule<Convocation> A_REGULAR_CONGRESS_MEETS_BY_THE_STATUTORY_DATE = Rule.of(
            "a regular congress opens by the date the statutory interval sets",
            convocation -> {
                if (convocation.command().kind() != ConveningKind.REGULAR) {
                    return null;
                }
                Instant due = MeetingDesk.dueAt(convocation.context(), convocation.body(), convocation.unit());
                return convocation.command().opensAt().isAfter(due)
                        ? "the statutes require the " + convocation.body().name() + " to meet every "
                        + convocation.body().meetsEveryDays() + " days: it must open by " + due + ", not "
                        + convocation.command().opensAt() : null;
            });

    public static final Rule<Convocation> A_PETITION_CONGRESS_NEEDS_A_SUCCESSFUL_PETITION = Rule.of(
            "a congress forced by petition needs a petition that reached the statutory threshold, and opens in its time",
            convocation -> {
                if (convocation.command().kind() != ConveningKind.PETITION) {
                    return null;
                }
                BodyInUnit key = new BodyInUnit(convocation.body().name(), convocation.unit().id());
                Instant meetBy = convocation.context().state().meetings().convenedBy(key).orElse(null);
                if (meetBy == null) {
                    return "no petition of the members has convened the " + convocation.body().name() + " of '"
                            + convocation.unit().name() + "': it needs " + convocation.body().conveningThreshold()
                            + " of the members' signatures";
                }
                return convocation.command().opensAt().isAfter(meetBy)
                        ? "the members' petition requires the " + convocation.body().name() + " to meet by " + meetBy : null;
            });

    public static final Rule<Convocation> THE_CHAIR_IS_A_FULL_MEMBER = Rule.of(
            "the chair is a full member of the unit",
            convocation -> convocation.command().chair() != null && convocation.context().electorates()
                    .isFullMember(convocation.unit().id(), convocation.command().chair(), convocation.context().now())
                    ? null : "the chair must be a full member of '" + convocation.unit().name() + "'");

    /** The rules for convening, in the order checked. */
    public static final List<Rule<Convocation>> CONVENING = List.of(THE_CONGRESS_IS_THE_UNITS_SOVEREIGN_BODY,
            A_REGULAR_CONGRESS_IS_CONVENED_BY_THE_UNITS_OFFICERS, ONE_CONGRESS_SITS_AT_A_TIME, DELEGATES_ARE_ELECTED, IT_OPENS_AFTER_IT_IS_CONVENED,
            A_REGULAR_CONGRESS_MEETS_BY_THE_STATUTORY_DATE, A_PETITION_CONGRESS_NEEDS_A_SUCCESSFUL_PETITION,
            THE_CHAIR_IS_A_FULL_MEMBER);

    // ---- credentials ----

    public static final Rule<Credentials> A_DELEGATE_HOLDS_A_MANDATE_IN_FORCE = Rule.of(
            "a delegate sits by a mandate in force",
            credentials -> credentials.mandate() != null ? null
                    : "credentials refused: the mandate presented is not in force (ended by its term, by recall, or never conferred)");

    public static final Rule<Credentials> THE_MANDATE_IS_FOR_THIS_CONGRESS = Rule.of(
            "the mandate is a delegate's mandate to this congress",
            credentials -> {
                CongressEvent.CongressConvened convocation = credentials.congress().convocation();
                Mandate.Active mandate = credentials.mandate();
                if (!mandate.post().equals(convocation.delegatePost())) {
                    return "credentials refused: the mandate is for '" + mandate.post() + "', not a '"
                            + convocation.delegatePost() + "' mandate to this congress";
                }
                return credentials.context().state().units().isWithin(mandate.unit(), convocation.unit()) ? null
                        : "credentials refused: the mandate was given in a unit outside the one this congress represents";
            });

    public static final Rule<Credentials> THE_MANDATE_OUTLASTS_THE_OPENING = Rule.of(
            "the mandate is in force when the congress opens",
            credentials -> credentials.mandate().endsAt() != null
                    && !credentials.mandate().endsAt().isAfter(credentials.congress().convocation().opensAt())
                    ? "credentials refused: the mandate ends on " + credentials.mandate().endsAt()
                    + ", before the congress opens on " + credentials.congress().convocation().opensAt() : null);

    public static final Rule<Credentials> THE_DELEGATE_IS_A_MEMBER = Rule.of(
            "the delegate is a current member",
            credentials -> credentials.context().state().members().active(credentials.mandate().holder()).isPresent() ? null
                    : "credentials refused: the holder is no longer a member");

    public static final Rule<Credentials> ONE_SEAT_PER_MANDATE = Rule.of(
            "a mandate gives one seat",
            credentials -> credentials.congress().seat(credentials.mandate().id()).isPresent()
                    ? "this delegate is already accredited" : null);

    /** The rules for credentials, in the order checked. */
    public static final List<Rule<Credentials>> ACCREDITING = List.of(A_DELEGATE_HOLDS_A_MANDATE_IN_FORCE,
            THE_MANDATE_IS_FOR_THIS_CONGRESS, THE_MANDATE_OUTLASTS_THE_OPENING, THE_DELEGATE_IS_A_MEMBER, ONE_SEAT_PER_MANDATE);

    // ---- alternates ----

    public static final Rule<Alternate> THE_CONGRESS_HAS_ALTERNATES = Rule.of(
            "alternates sit only where the convocation names their post",
            alternate -> alternate.congress().convocation().alternatePost() != null ? null
                    : "this congress was convened without alternates");

    public static final Rule<Alternate> THE_SEAT_IS_AN_ABSENT_DELEGATES = Rule.of(
            "an alternate takes the seat of an accredited delegate who is absent",
            alternate -> {
                if (alternate.seat() == null) {
                    return "there is no accredited seat by that mandate";
                }
                if (alternate.seat().alternate() != null) {
                    return "an alternate already sits in that seat";
                }
                return alternate.seat().present() ? "the delegate is present: an alternate sits only in an absent delegate's place" : null;
            });

    public static final Rule<Alternate> THE_ALTERNATE_HOLDS_A_MANDATE_IN_FORCE = Rule.of(
            "an alternate sits by an alternate's mandate in force",
            alternate -> alternate.alternate() != null
                    && alternate.alternate().post().equals(alternate.congress().convocation().alternatePost()) ? null
                    : "the mandate presented is not a '" + alternate.congress().convocation().alternatePost() + "' mandate in force");

    public static final Rule<Alternate> THE_ALTERNATE_IS_OF_THE_SAME_ELECTORATE = Rule.of(
            "an alternate replaces a delegate of the same electorate",
            alternate -> alternate.alternate().unit().equals(alternate.seat().electedIn()) ? null
                    : "the alternate was elected in another unit than the absent delegate: only an alternate of the same"
                    + " electorate takes the seat");

    public static final Rule<Alternate> AN_ALTERNATE_SITS_ONCE = Rule.of(
            "an alternate occupies one seat",
            alternate -> alternate.congress().seatOf(alternate.alternate().holder()).isPresent()
                    || alternate.congress().isDelegate(alternate.alternate().holder())
                    ? "this member already sits at the congress" : null);

    /** The rules for seating an alternate, in the order checked. */
    public static final List<Rule<Alternate>> SEATING_ALTERNATES = List.of(THE_CONGRESS_HAS_ALTERNATES,
            THE_SEAT_IS_AN_ABSENT_DELEGATES, THE_ALTERNATE_HOLDS_A_MANDATE_IN_FORCE, THE_ALTERNATE_IS_OF_THE_SAME_ELECTORATE,
            AN_ALTERNATE_SITS_ONCE);

    // ---- conducting and acting ----

    public static final Rule<Act> THE_CONGRESS_IS_NOT_CLOSED = Rule.of(
            "nothing happens at a closed congress",
            act -> act.congress().phase() instanceof Congress.Closed ? "the congress is closed" : null);

    public static final Rule<Act> ONLY_THE_CHAIR_CONDUCTS = Rule.of(
            "the chair conducts the congress",
            act -> act.congress().chair().equals(act.context().by()) ? null : "only the chair of the congress can do this");

    public static final Rule<Act> THE_CONGRESS_IS_IN_SESSION = Rule.of(
            "business is done once the congress has opened with its quorum",
            act -> act.congress().phase() instanceof Congress.InSession ? null
                    : "the congress has not opened: open it with its quorum first");

    public static final Rule<Act> THE_ACTOR_SITS_IN_THE_HALL = Rule.of(
            "only those sitting in the hall speak, move and vote",
            act -> act.context().by() != null && act.congress().seatOf(act.context().by()).map(Seat::present).orElse(false)
                    ? null : "only a delegate or alternate present in the hall can do this");

    public static final Rule<Act> NO_VOTE_IS_OPEN = Rule.of(
            "the congress does one thing at a time while a vote is open",
            act -> act.congress().openVote().isPresent() ? "a vote is open: close it first" : null);

    public static final Rule<Act> NO_ELECTION_IS_OPEN = Rule.of(
            "a congress closes only once every election it opened for ballots is closed and counted",
            act -> act.congress().openElections().isEmpty() ? null
                    : "the election of '" + act.congress().openElections().getFirst().opened().post()
                    + "' is open for ballots: close it first");

    public static final Rule<Act> MEMBERS_INITIATIVES_COME_BEFORE_THE_CONGRESS = Rule.of(
            "a motion the members put on the congress's agenda by initiative is tabled and dealt with before the congress closes",
            act -> {
                BodyInUnit body = new BodyInUnit(act.congress().convocation().body(), act.congress().unit());
                for (Initiative.Tabled initiative : act.context().state().initiatives().agenda(body)) {
                    java.util.Optional<Motion> motion = act.context().state().congresses().all().stream()
                            .flatMap(congress -> congress.motion(initiative.motion()).stream()).findFirst();
                    if (motion.isEmpty()) {
                        return "the members put '" + initiative.title() + "' on the congress's agenda by initiative: a delegate"
                                + " tables it (motion " + initiative.motion() + ") and the congress deals with it before closing";
                    }
                    if (motion.get().pending()) {
                        return "the members' initiative '" + initiative.title() + "' is still before the congress: put it to"
                                + " the vote (or its mover withdraws or remits it) before closing";
                    }
                }
                return null;
            });

    /** What the chair does before the congress opens: check credentials, seat alternates, take attendance, open. */
    public static final List<Rule<Act>> PREPARING = List.of(THE_CONGRESS_IS_NOT_CLOSED, ONLY_THE_CHAIR_CONDUCTS);

    /** What the chair does in session: agenda, items, speakers, votes, composites, elections, closing. */
    public static final List<Rule<Act>> CHAIRING = List.of(THE_CONGRESS_IS_NOT_CLOSED, THE_CONGRESS_IS_IN_SESSION,
            ONLY_THE_CHAIR_CONDUCTS);

    /** The rules for closing the congress, in the order checked. */
    public static final List<Rule<Act>> CLOSING = List.of(THE_CONGRESS_IS_NOT_CLOSED, THE_CONGRESS_IS_IN_SESSION,
            ONLY_THE_CHAIR_CONDUCTS, NO_VOTE_IS_OPEN, NO_ELECTION_IS_OPEN, MEMBERS_INITIATIVES_COME_BEFORE_THE_CONGRESS);

    /** What a delegate does in session: ask to speak, table motions, move amendments, publish platforms. */
    public static final List<Rule<Act>> SITTING = List.of(THE_CONGRESS_IS_NOT_CLOSED, THE_CONGRESS_IS_IN_SESSION,
            THE_ACTOR_SITS_IN_THE_HALL);

    // ---- minority rights (drill D8) ----

    public static final Rule<Removal> MINORITY_PLATFORMS_STAY = Rule.of(
            "a minority's platform or counter-motion stays on the record and beside the motion it answers (drill D8)",
            removal -> "refused: the " + (removal.platform() == null ? "platform" : "'" + removal.platform().title() + "'")
                    + " stays on the record and beside the majority's motion. The statutes guarantee tendency rights:"
                    + " no majority, chair or body can remove a minority's platform or counter-motion");

    /** The rules for removing a platform: there is no way to satisfy them. */
    public static final List<Rule<Removal>> REMOVING_PLATFORMS = List.of(MINORITY_PLATFORMS_STAY);
}
