package org.smolny.council.congress;

import org.smolny.council.command.Context;
import org.smolny.council.command.Outcome;
import org.smolny.council.command.Rule;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.mandate.Position;
import org.smolny.council.meeting.BodyInUnit;
import org.smolny.council.meeting.ConveningId;
import org.smolny.council.meeting.ConveningPetition;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.Decision;
import org.smolny.council.motion.MajorityRule;
import org.smolny.council.statutes.BodyRule;
import org.smolny.council.statutes.DecisionRule;
import org.smolny.council.statutes.DecisionType;
import org.smolny.council.statutes.PostRule;
import org.smolny.council.unit.Unit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides congress commands: computes the events from the command, the state and the statutes, checking every rule
 * {@link CongressPolicy} lists and the voting rules of {@link org.smolny.council.motion}. Pure; stateless.
 */
public final class CongressDesk {

    /** The speaking time on a point of order, in minutes (or the item's speaking time, if shorter). */
    public static final int POINT_OF_ORDER_MINUTES = 2;

    private CongressDesk() {
    }

    public static Outcome decide(CongressCommand command, Context context) {
        if (command.congress() == null) {
            return Outcome.reject("the command names no congress");
        }
        if (command instanceof CongressCommand.ConveneCongress convene) {
            return convene(convene, context);
        }
        Congress congress = context.state().congresses().find(command.congress()).orElse(null);
        if (congress == null) {
            return Outcome.reject("there is no congress " + command.congress());
        }
        return switch (command) {
            case CongressCommand.ConveneCongress convene -> Outcome.reject("congress " + convene.congress() + " is already convened");
            case CongressCommand.AccreditDelegate accredit -> accredit(accredit, congress, context);
            case CongressCommand.SeatAlternate seat -> seatAlternate(seat, congress, context);
            case CongressCommand.RecordAttendance attendance -> attendance(attendance, congress, context);
            case CongressCommand.OpenCongress open -> open(congress, context);
            case CongressCommand.AdoptAgenda agenda -> adoptAgenda(agenda, congress, context);
            case CongressCommand.TakeItem take -> takeItem(take, congress, context);
            case CongressCommand.AskToSpeak ask -> askToSpeak(ask, congress, context);
            case CongressCommand.CallNextSpeaker call -> callNextSpeaker(congress, context);
            case CongressCommand.TableMotion table -> tableMotion(table, congress, context);
            case CongressCommand.MoveAmendment move -> moveAmendment(move, congress, context);
            case CongressCommand.CompositeMotions composite -> composite(composite, congress, context);
            case CongressCommand.WithdrawMotion withdraw -> withdrawMotion(withdraw, congress, context);
            case CongressCommand.WithdrawAmendment withdraw -> withdrawAmendment(withdraw, congress, context);
            case CongressCommand.RemitMotion remit -> remit(remit, congress, context);
            case CongressCommand.OpenVote open -> openVote(open, congress, context);
            case CongressCommand.CastVote cast -> castVote(cast, congress, context);
            case CongressCommand.CloseVote close -> closeVote(congress, context);
            case CongressCommand.PublishPlatform publish -> publishPlatform(publish, congress, context);
            case CongressCommand.SignPlatform sign -> signPlatform(sign, congress, context);
            case CongressCommand.RemovePlatform remove -> removePlatform(remove, congress, context);
            case CongressCommand.ElectBody elect -> CongressElection.elect(elect, congress, context);
            case CongressCommand.OpenElection open -> CongressElection.open(open, congress, context);
            case CongressCommand.CastRankedBallot cast -> CongressElection.cast(cast, congress, context);
            case CongressCommand.CloseElection close -> CongressElection.close(close, congress, context);
            case CongressCommand.ExtendItem extend -> extendItem(extend, congress, context);
            case CongressCommand.CloseCongress close -> closeCongress(congress, context);
        };
    }

    static Optional<String> broken(List<Rule<CongressPolicy.Act>> rules, Congress congress, Context context) {
        return Rule.firstBroken(rules, new CongressPolicy.Act(congress, context));
    }

    private static List<Rule<CongressPolicy.Act>> with(List<Rule<CongressPolicy.Act>> rules, Rule<CongressPolicy.Act> more) {
        List<Rule<CongressPolicy.Act>> all = new ArrayList<>(rules);
        all.add(more);
        return all;
    }

    // ---- convocation, credentials, attendance ----

    private static Outcome convene(CongressCommand.ConveneCongress convene, Context context) {
        if (context.state().congresses().find(convene.congress()).isPresent()) {
            return Outcome.reject("congress " + convene.congress() + " is already convened; a new congress needs a new id");
        }
        Unit unit = convene.unit() == null ? null : context.state().units().find(convene.unit()).orElse(null);
        if (unit == null) {
            return Outcome.reject("there is no unit " + convene.unit());
        }
        if (convene.kind() == null || convene.delegatePost() == null || convene.opensAt() == null) {
            return Outcome.reject("a convocation says why the congress meets, which post's holders sit and when it opens");
        }
        BodyRule body = context.statutes().congress();
        PostRule delegatePost = context.statutes().post(convene.delegatePost()).orElse(null);
        PostRule alternatePost = convene.alternatePost() == null ? null : context.statutes().post(convene.alternatePost()).orElse(null);
        Optional<String> refusal = Rule.firstBroken(CongressPolicy.CONVENING,
                new CongressPolicy.Convocation(convene, unit, body, delegatePost, alternatePost, context));
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        ConveningId petition = null;
        if (convene.kind() == ConveningKind.PETITION) {
            BodyInUnit key = new BodyInUnit(body.name(), unit.id());
            petition = context.state().meetings().petitions().stream()
                    .filter(candidate -> candidate instanceof ConveningPetition.Convened && candidate.body().equals(key))
                    .map(ConveningPetition::id).max(Comparator.comparing(ConveningId::value)).orElseThrow();
        }
        return Outcome.accept(new CongressEvent.CongressConvened(convene.congress(), unit.id(), body.name(), convene.kind(),
                petition, delegatePost.name(), alternatePost == null ? null : alternatePost.name(), convene.chair(),
                convene.opensAt()));
    }

    private static Outcome accredit(CongressCommand.AccreditDelegate accredit, Congress congress, Context context) {
        Optional<String> refusal = broken(CongressPolicy.PREPARING, congress, context);
        if (refusal.isEmpty()) {
            Mandate.Active mandate = accredit.mandate() == null ? null : context.state().mandates().active(accredit.mandate()).orElse(null);
            refusal = Rule.firstBroken(CongressPolicy.ACCREDITING, new CongressPolicy.Credentials(congress, mandate, context));
            if (refusal.isEmpty()) {
                return Outcome.accept(new CongressEvent.DelegateAccredited(congress.id(), congress.unit(), mandate.id(),
                        mandate.holder(), mandate.unit(), Cards.of(context, mandate)));
            }
        }
        return Outcome.reject(refusal.get());
    }

    private static Outcome seatAlternate(CongressCommand.SeatAlternate seat, Congress congress, Context context) {
        Optional<String> refusal = broken(CongressPolicy.PREPARING, congress, context);
        if (refusal.isEmpty()) {
            Seat taken = seat.seat() == null ? null : congress.seat(seat.seat()).orElse(null);
            Mandate.Active alternate = seat.alternateMandate() == null ? null
                    : context.state().mandates().active(seat.alternateMandate()).orElse(null);
            refusal = Rule.firstBroken(CongressPolicy.SEATING_ALTERNATES, new CongressPolicy.Alternate(congress, taken, alternate, context));
            if (refusal.isEmpty()) {
                return Outcome.accept(new CongressEvent.AlternateSeated(congress.id(), congress.unit(), taken.mandate(),
                        alternate.id(), alternate.holder()));
            }
        }
        return Outcome.reject(refusal.get());
    }

    private static Outcome attendance(CongressCommand.RecordAttendance attendance, Congress congress, Context context) {
        Optional<String> refusal = broken(CongressPolicy.PREPARING, congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        Seat seat = attendance.seat() == null ? null : congress.seat(attendance.seat()).orElse(null);
        if (seat == null) {
            return Outcome.reject("there is no accredited seat by mandate " + attendance.seat());
        }
        MemberId member = attendance.member();
        boolean returning = member != null && member.equals(seat.delegate()) && seat.alternate() != null;
        if (!seat.occupant().equals(member) && !returning) {
            return Outcome.reject("that member does not sit in this seat");
        }
        if (!returning && seat.present() == attendance.present()) {
            return Outcome.reject("the seat's occupant is already recorded as " + (seat.present() ? "present" : "absent"));
        }
        if (returning && !attendance.present()) {
            return Outcome.reject("the delegate is already absent; their alternate sits");
        }
        return Outcome.accept(new CongressEvent.AttendanceRecorded(congress.id(), congress.unit(), seat.mandate(), member,
                attendance.present()));
    }

    private static Outcome open(Congress congress, Context context) {
        Optional<String> refusal = broken(CongressPolicy.PREPARING, congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        if (!(congress.phase() instanceof Congress.Convened)) {
            return Outcome.reject("the congress is already open");
        }
        if (context.now().isBefore(congress.convocation().opensAt())) {
            return Outcome.reject("the congress was convened for " + congress.convocation().opensAt() + "; it cannot open earlier");
        }
        int entitled = Cards.delegates(context, congress.convocation().delegatePost(), congress.unit()).size();
        if (entitled == 0) {
            return Outcome.reject("no '" + congress.convocation().delegatePost() + "' mandate is in force: there is nobody to sit");
        }
        DecisionRule ordinary = context.statutes().rule(DecisionType.ORDINARY);
        int present = congress.presentSeats();
        if (!ordinary.quorum().reachedBy(present, entitled)) {
            return Outcome.reject("no quorum: " + present + " of " + entitled + " seats are occupied by delegates present;"
                    + " the statutes (decisions.ordinary) require " + ordinary.quorum() + " (" + ordinary.quorum().of(entitled) + ")");
        }
        long cards = Cards.entitled(context, congress.convocation().delegatePost(), congress.unit());
        return Outcome.accept(new CongressEvent.CongressOpened(congress.id(), congress.unit(), entitled, cards, present),
                new CouncilEvent.MeetingHeld(congress.convocation().body(), congress.unit(), congress.convocation().convening()));
    }

    // ---- agenda and speakers ----

    private static Outcome adoptAgenda(CongressCommand.AdoptAgenda agenda, Congress congress, Context context) {
        Optional<String> refusal = broken(CongressPolicy.CHAIRING, congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        if (!congress.agenda().isEmpty()) {
            return Outcome.reject("the congress has already adopted its agenda");
        }
        if (agenda.items() == null || agenda.items().isEmpty()) {
            return Outcome.reject("an agenda has at least one item");
        }
        return Outcome.accept(new CongressEvent.AgendaAdopted(congress.id(), congress.unit(), agenda.items()));
    }

    private static Outcome takeItem(CongressCommand.TakeItem take, Congress congress, Context context) {
        Optional<String> refusal = broken(with(CongressPolicy.CHAIRING, CongressPolicy.NO_VOTE_IS_OPEN), congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        if (take.item() < 1 || take.item() > congress.agenda().size()) {
            return Outcome.reject("the agenda has items 1 to " + congress.agenda().size() + ", not " + take.item());
        }
        AgendaItem item = congress.agenda().get(take.item() - 1);
        return Outcome.accept(new CongressEvent.ItemTaken(congress.id(), congress.unit(), take.item(),
                context.now().plus(Duration.ofMinutes(item.minutes()))));
    }

    /** The most minutes an item's time is extended by at once. */
    public static final int MAX_EXTENSION_MINUTES = 240;

    private static Outcome extendItem(CongressCommand.ExtendItem extend, Congress congress, Context context) {
        Optional<String> refusal = broken(CongressPolicy.CHAIRING, congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        if (congress.currentItem() == 0) {
            return Outcome.reject("no agenda item has been taken yet");
        }
        if (extend.item() != congress.currentItem()) {
            return Outcome.reject("only the item under discussion (item " + congress.currentItem() + ") can be extended, not item "
                    + extend.item());
        }
        if (extend.minutes() < 1 || extend.minutes() > MAX_EXTENSION_MINUTES) {
            return Outcome.reject("an item is extended by 1 to " + MAX_EXTENSION_MINUTES + " minutes at a time, not " + extend.minutes());
        }
        if (extend.reason() == null || extend.reason().isBlank()) {
            return Outcome.reject("say why the item is extended: the reason goes on the record");
        }
        if (extend.reason().strip().length() > 500) {
            return Outcome.reject("the reason for the extension is longer than 500 characters");
        }
        Instant from = congress.itemEndsAt().isAfter(context.now()) ? congress.itemEndsAt() : context.now();
        return Outcome.accept(new CongressEvent.ItemExtended(congress.id(), congress.unit(), extend.item(), extend.minutes(),
                extend.reason().strip(), from.plus(Duration.ofMinutes(extend.minutes()))));
    }

    private static Outcome askToSpeak(CongressCommand.AskToSpeak ask, Congress congress, Context context) {
        Optional<String> refusal = broken(CongressPolicy.SITTING, congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        if (congress.currentItem() == 0) {
            return Outcome.reject("no agenda item has been taken yet");
        }
        if (ask.side() == null) {
            return Outcome.reject("say whether you speak for, against, or on a point of order");
        }
        if (congress.waiting(congress.currentItem()).contains(new Congress.Request(context.by(), ask.side()))) {
            return Outcome.reject("you are already on the speakers' list for this item");
        }
        return Outcome.accept(new CongressEvent.SpeakerListed(congress.id(), congress.unit(), congress.currentItem(),
                context.by(), ask.side()));
    }

    private static Outcome callNextSpeaker(Congress congress, Context context) {
        Optional<String> refusal = broken(with(CongressPolicy.CHAIRING, CongressPolicy.NO_VOTE_IS_OPEN), congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        int item = congress.currentItem();
        if (item == 0) {
            return Outcome.reject("no agenda item has been taken yet");
        }
        if (!context.now().isBefore(congress.itemEndsAt())) {
            return Outcome.reject("the time for item " + item + " ran out at " + congress.itemEndsAt()
                    + ": put the question to the vote or take the next item");
        }
        Congress.Request next = SpeakersList.next(congress.waiting(item), congress.lastSideSpoken(item)).orElse(null);
        if (next == null) {
            return Outcome.reject("nobody is waiting to speak on item " + item);
        }
        AgendaItem agendaItem = congress.agenda().get(item - 1);
        int minutes = next.side() == Side.POINT_OF_ORDER
                ? Math.min(POINT_OF_ORDER_MINUTES, agendaItem.speakingMinutes()) : agendaItem.speakingMinutes();
        Instant until = context.now().plus(Duration.ofMinutes(minutes));
        if (until.isAfter(congress.itemEndsAt())) {
            until = congress.itemEndsAt();
        }
        return Outcome.accept(new CongressEvent.SpeakerCalled(congress.id(), congress.unit(), item, next.member(), next.side(), until));
    }

    // ---- motions and amendments ----

    private static Outcome tableMotion(CongressCommand.TableMotion table, Congress congress, Context context) {
        Optional<String> refusal = broken(CongressPolicy.SITTING, congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        if (table.motion() == null || motionExists(context, table.motion())) {
            return Outcome.reject("a new motion needs a new id");
        }
        if (table.item() < 1 || table.item() > congress.agenda().size()) {
            return Outcome.reject("a motion is tabled under an agenda item: items 1 to " + congress.agenda().size() + ", not " + table.item());
        }
        if (table.title() == null || table.title().isBlank() || table.text() == null || table.decision() == null) {
            return Outcome.reject("a motion has a title, a text and the type of decision it is");
        }
        MajorityRule statutory = MajorityRule.of(context.statutes().rule(table.decision()).majority());
        MajorityRule majority = table.majority() == null ? statutory : table.majority();
        if (!majority.atLeastAsStrictAs(statutory)) {
            return Outcome.reject("the statutes require " + statutory.words() + " for decisions of type '" + table.decision().key()
                    + "'; a motion may ask for more, never for less (" + majority.words() + ")");
        }
        return Outcome.accept(new CongressEvent.MotionTabled(congress.id(), congress.unit(), table.motion(), table.item(),
                context.by(), table.title().strip(), table.text().lines(), table.decision().key(), majority.key()));
    }

    private static boolean motionExists(Context context, MotionId motion) {
        return context.state().congresses().all().stream().anyMatch(congress -> congress.motion(motion).isPresent());
    }

    private static Outcome moveAmendment(CongressCommand.MoveAmendment move, Congress congress, Context context) {
        Optional<String> refusal = broken(CongressPolicy.SITTING, congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        if (move.amendment() == null || congress.amendment(move.amendment()).isPresent()) {
            return Outcome.reject("a new amendment needs a new id");
        }
        Motion motion = move.motion() == null ? null : congress.motion(move.motion()).orElse(null);
        if (motion == null || !motion.pending()) {
            return Outcome.reject(motion == null ? "there is no motion " + move.motion() + " at this congress"
                    : "motion '" + motion.title() + "' is no longer before the congress");
        }
        if (congress.openVote().map(vote -> vote.motion().equals(motion.id())).orElse(false)) {
            return Outcome.reject("motion '" + motion.title() + "' is being voted on: amendments are moved before the vote");
        }
        if (move.edit() == null) {
            return Outcome.reject("an amendment says which lines it changes and how");
        }
        try {
            move.edit().checkFits(motion.text().size());
        } catch (IllegalArgumentException misfit) {
            return Outcome.reject("the amendment does not fit motion '" + motion.title() + "': " + misfit.getMessage());
        }
        return Outcome.accept(new CongressEvent.AmendmentMoved(congress.id(), congress.unit(), move.amendment(), motion.id(),
                context.by(), EditKind.of(move.edit()), EditKind.from(move.edit()), EditKind.to(move.edit()), EditKind.lines(move.edit())));
    }

    private static Outcome composite(CongressCommand.CompositeMotions composite, Congress congress, Context context) {
        Optional<String> refusal = broken(with(CongressPolicy.CHAIRING, CongressPolicy.NO_VOTE_IS_OPEN), congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        if (composite.composite() == null || motionExists(context, composite.composite())) {
            return Outcome.reject("a composite motion needs a new id");
        }
        if (composite.parts() == null || new LinkedHashSet<>(composite.parts()).size() < 2
                || composite.parts().size() != new HashSet<>(composite.parts()).size()) {
            return Outcome.reject("a composite merges two or more different motions");
        }
        if (composite.title() == null || composite.title().isBlank() || composite.text() == null) {
            return Outcome.reject("a composite motion has a title and a text");
        }
        List<Motion> parts = new ArrayList<>();
        for (MotionId id : composite.parts()) {
            Motion part = congress.motion(id).orElse(null);
            if (part == null || !part.pending()) {
                return Outcome.reject(part == null ? "there is no motion " + id + " at this congress"
                        : "motion '" + part.title() + "' is no longer before the congress");
            }
            if (congress.amendmentsTo(id).stream().anyMatch(Amendment::pending)) {
                return Outcome.reject("amendments to '" + part.title() + "' are pending: withdraw them, or move them again to the composite");
            }
            parts.add(part);
        }
        Motion first = parts.getFirst();
        for (Motion part : parts) {
            if (part.item() != first.item() || part.decision() != first.decision() || part.majority() != first.majority()) {
                return Outcome.reject("only motions under the same agenda item, of the same type of decision and majority, can be composited ('"
                        + first.title() + "' and '" + part.title() + "' differ)");
            }
        }
        Set<MemberId> movers = new LinkedHashSet<>();
        parts.forEach(part -> movers.addAll(part.movers()));
        return Outcome.accept(new CongressEvent.MotionsComposited(congress.id(), congress.unit(), composite.composite(),
                composite.parts(), first.item(), List.copyOf(movers), composite.title().strip(), composite.text().lines(),
                first.decision().key(), first.majority().key()));
    }

    private static Outcome withdrawMotion(CongressCommand.WithdrawMotion withdraw, Congress congress, Context context) {
        Optional<String> refusal = broken(List.of(CongressPolicy.THE_CONGRESS_IS_NOT_CLOSED), congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        Motion motion = withdraw.motion() == null ? null : congress.motion(withdraw.motion()).orElse(null);
        Optional<String> moverRefusal = moverMayAct(motion, congress, context, "withdraw");
        return moverRefusal.map(Outcome::reject).orElseGet(() ->
                Outcome.accept(new CongressEvent.MotionWithdrawn(congress.id(), congress.unit(), motion.id())));
    }

    private static Outcome remit(CongressCommand.RemitMotion remit, Congress congress, Context context) {
        Optional<String> refusal = broken(List.of(CongressPolicy.THE_CONGRESS_IS_NOT_CLOSED, CongressPolicy.THE_CONGRESS_IS_IN_SESSION), congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        Motion motion = remit.motion() == null ? null : congress.motion(remit.motion()).orElse(null);
        Optional<String> moverRefusal = moverMayAct(motion, congress, context, "remit");
        if (moverRefusal.isPresent()) {
            return Outcome.reject(moverRefusal.get());
        }
        BodyRule body = remit.body() == null ? null : context.statutes().body(remit.body()).orElse(null);
        if (body == null) {
            return Outcome.reject("the statutes define no body '" + remit.body() + "' to remit the motion to");
        }
        return Outcome.accept(new CongressEvent.MotionRemitted(congress.id(), congress.unit(), motion.id(), body.name()));
    }

    private static Optional<String> moverMayAct(Motion motion, Congress congress, Context context, String act) {
        if (motion == null) {
            return Optional.of("there is no such motion at this congress");
        }
        if (!motion.pending()) {
            return Optional.of("motion '" + motion.title() + "' is no longer before the congress");
        }
        if (context.by() == null || !motion.movers().contains(context.by())) {
            return Optional.of("only the mover of '" + motion.title() + "' can " + act + " it");
        }
        if (congress.openVote().map(vote -> vote.motion().equals(motion.id())).orElse(false)) {
            return Optional.of("'" + motion.title() + "' is being voted on");
        }
        return Optional.empty();
    }

    private static Outcome withdrawAmendment(CongressCommand.WithdrawAmendment withdraw, Congress congress, Context context) {
        Optional<String> refusal = broken(List.of(CongressPolicy.THE_CONGRESS_IS_NOT_CLOSED), congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        Amendment amendment = withdraw.amendment() == null ? null : congress.amendment(withdraw.amendment()).orElse(null);
        if (amendment == null || !amendment.pending()) {
            return Outcome.reject(amendment == null ? "there is no amendment " + withdraw.amendment() + " at this congress"
                    : "the amendment is no longer before the congress");
        }
        if (!amendment.mover().equals(context.by())) {
            return Outcome.reject("only the mover of an amendment can withdraw it");
        }
        if (congress.openVote().map(vote -> amendment.id().equals(vote.amendment())).orElse(false)) {
            return Outcome.reject("the amendment is being voted on");
        }
        return Outcome.accept(new CongressEvent.AmendmentWithdrawn(congress.id(), congress.unit(), amendment.id()));
    }

    // ---- votes ----

    private static Outcome openVote(CongressCommand.OpenVote open, Congress congress, Context context) {
        Optional<String> refusal = broken(with(CongressPolicy.CHAIRING, CongressPolicy.NO_VOTE_IS_OPEN), congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        Motion motion = open.motion() == null ? null : congress.motion(open.motion()).orElse(null);
        if (motion == null || !motion.pending()) {
            return Outcome.reject(motion == null ? "there is no motion " + open.motion() + " at this congress"
                    : "motion '" + motion.title() + "' is no longer before the congress");
        }
        if (open.mode() == null) {
            return Outcome.reject("say whether the congress votes by name or by card");
        }
        if (motion.item() != congress.currentItem()) {
            return Outcome.reject("motion '" + motion.title() + "' belongs to agenda item " + motion.item() + ": take that item first");
        }
        List<Amendment> order = congress.votingOrder(motion.id());
        if (open.amendment() == null && !order.isEmpty()) {
            Amendment first = order.getFirst();
            return Outcome.reject("amendments are voted before the motion, the most far-reaching first: next is the amendment to "
                    + first.edit().describe());
        }
        if (open.amendment() != null) {
            Amendment amendment = congress.amendment(open.amendment()).orElse(null);
            if (amendment == null || !amendment.motion().equals(motion.id()) || !amendment.pending()) {
                return Outcome.reject("there is no pending amendment " + open.amendment() + " to '" + motion.title() + "'");
            }
            if (!order.getFirst().id().equals(amendment.id())) {
                return Outcome.reject("the most far-reaching amendment is voted first: next is the amendment to "
                        + order.getFirst().edit().describe());
            }
        }
        return Outcome.accept(new CongressEvent.VoteOpened(congress.id(), congress.unit(), motion.id(), open.amendment(), open.mode()));
    }

    private static Outcome castVote(CongressCommand.CastVote cast, Congress congress, Context context) {
        Optional<String> refusal = broken(CongressPolicy.SITTING, congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        Congress.OpenVote vote = congress.openVote().orElse(null);
        if (vote == null) {
            return Outcome.reject("no vote is open");
        }
        var secret = context.state().secretBallots().undecidedVoteOf(congress.id());
        if (secret.isPresent()) {
            return Outcome.reject("this vote is secret: vote with your credential on the voting page of ballot '"
                    + secret.get().id() + "'; no vote is cast by name");
        }
        if (cast.position() == null) {
            return Outcome.reject("vote for, against, or abstain");
        }
        Seat seat = congress.seatOf(context.by()).orElseThrow();
        if (vote.casts().containsKey(seat.mandate())) {
            return Outcome.reject("this seat has already voted on the question");
        }
        boolean onMotion = vote.amendment() == null;
        Position instructed = onMotion ? context.state().mandates().instruction(seat.mandate(), vote.motion()).orElse(null) : null;
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CongressEvent.VoteCast(congress.id(), congress.unit(), seat.mandate(), context.by(), cast.position(),
                seat.cards(), instructed));
        var votingMandate = seat.alternate() == null ? seat.mandate() : seat.alternateMandate();
        boolean inForce = context.state().mandates().active(votingMandate).isPresent();
        if (onMotion && inForce && context.state().mandates().vote(votingMandate, vote.motion()).isEmpty()) {
            Mandate.Active mandate = context.state().mandates().active(votingMandate).orElseThrow();
            events.add(new CouncilEvent.DelegateVoteRecorded(votingMandate, mandate.unit(), vote.motion(), cast.position(), instructed));
        }
        return Outcome.accept(events);
    }

    private static Outcome closeVote(Congress congress, Context context) {
        Optional<String> refusal = broken(CongressPolicy.CHAIRING, congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        Congress.OpenVote vote = congress.openVote().orElse(null);
        if (vote == null) {
            return Outcome.reject("no vote is open");
        }
        var secret = context.state().secretBallots().undecidedVoteOf(congress.id());
        if (secret.isPresent()) {
            return Outcome.reject("this vote is secret: it closes when its ballot box closes and the tellers' decryption of"
                    + " ballot '" + secret.get().id() + "' is verified");
        }
        long inFavour = 0;
        long against = 0;
        long abstentions = 0;
        for (CongressEvent.VoteCast cast : vote.casts().values()) {
            long weight = vote.mode() == VoteMode.CARD ? cast.cards() : 1;
            switch (cast.position()) {
                case FOR -> inFavour += weight;
                case AGAINST -> against += weight;
                case ABSTAIN -> abstentions += weight;
            }
        }
        return Outcome.accept(decideOpenVote(congress, context, inFavour, against, abstentions, false));
    }

    /**
     * The events that close the congress's open vote with these counts (in seats or cards, as the vote weighs them):
     * the quorum and majority of the statutes (or the motion's stricter majority) decide, the result names its rule,
     * and amendments overlapping a carried amendment fall. {@code secret} says the counts come from a secret ballot's
     * verified decryption (org.smolny.council.secret), which the rule then says.
     */
    public static List<CouncilEvent> decideOpenVote(Congress congress, Context context, long inFavour, long against,
                                                    long abstentions, boolean secret) {
        Congress.OpenVote vote = congress.openVote().orElseThrow();
        Congress.InSession session = (Congress.InSession) congress.phase();
        Motion motion = congress.motion(vote.motion()).orElseThrow();
        long all = vote.mode() == VoteMode.CARD ? session.entitledCards() : session.entitledSeats();
        String unit = (vote.mode() == VoteMode.CARD ? "cards (members represented)" : "delegates' votes")
                + (secret ? " cast by secret ballot" : "");
        Decision decision;
        if (vote.amendment() != null) {
            DecisionRule ordinary = context.statutes().rule(DecisionType.ORDINARY);
            decision = Decision.of(MajorityRule.of(ordinary.majority()), "statutes, decisions.ordinary, for amendments",
                    ordinary.quorum(), congress.presentSeats(), session.entitledSeats(), inFavour, against, abstentions, all, unit);
        } else {
            DecisionRule statutory = context.statutes().rule(motion.decision());
            boolean stricter = motion.majority() != MajorityRule.of(statutory.majority());
            String source = stricter ? "the motion's own requirement, stricter than the statutes' decisions." + motion.decision().key()
                    : "statutes, decisions." + motion.decision().key();
            decision = Decision.of(motion.majority(), source, statutory.quorum(), congress.presentSeats(), session.entitledSeats(),
                    inFavour, against, abstentions, all, unit);
        }
        List<String> adopted = vote.amendment() == null && decision.passed() ? congress.currentText(motion.id()).lines() : List.of();
        List<CouncilEvent> events = new ArrayList<>();
        events.add(new CongressEvent.VoteClosed(congress.id(), congress.unit(), motion.id(), vote.amendment(), vote.mode(),
                decision.rule(), decision.inFavour(), decision.against(), decision.abstentions(), decision.threshold(),
                decision.passed(), congress.presentSeats(), adopted));
        if (vote.amendment() != null && decision.passed()) {
            Amendment carried = congress.amendment(vote.amendment()).orElseThrow();
            for (Amendment other : congress.amendmentsTo(motion.id())) {
                if (other.pending() && !other.id().equals(carried.id()) && other.edit().overlaps(carried.edit())) {
                    events.add(new CongressEvent.AmendmentFell(congress.id(), congress.unit(), other.id(), carried.id()));
                }
            }
        }
        return events;
    }

    // ---- minority rights ----

    private static Outcome publishPlatform(CongressCommand.PublishPlatform publish, Congress congress, Context context) {
        Optional<String> refusal = broken(CongressPolicy.SITTING, congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        if (publish.platform() == null || congress.platform(publish.platform()).isPresent()) {
            return Outcome.reject("a new platform needs a new id");
        }
        if (publish.kind() == null || publish.title() == null || publish.title().isBlank() || publish.text() == null) {
            return Outcome.reject("a platform has a kind, a title and a text");
        }
        if (publish.answers() != null && congress.motion(publish.answers()).isEmpty()) {
            return Outcome.reject("there is no motion " + publish.answers() + " at this congress to answer");
        }
        List<MemberId> signatories = publish.signatories() == null ? List.of() : publish.signatories();
        if (!signatories.contains(context.by())) {
            return Outcome.reject("whoever publishes a platform signs it");
        }
        if (signatories.size() > CongressEvent.MAX_FIRST_SIGNATORIES || signatories.size() != new HashSet<>(signatories).size()) {
            return Outcome.reject("a platform is published with at most " + CongressEvent.MAX_FIRST_SIGNATORIES
                    + " different signatories; the others sign it once it is published");
        }
        for (MemberId signatory : signatories) {
            if (congress.seatOf(signatory).isEmpty()) {
                return Outcome.reject("signatory " + signatory + " does not sit at this congress: delegates sign platforms");
            }
        }
        return Outcome.accept(new CongressEvent.PlatformPublished(congress.id(), congress.unit(), publish.platform(), publish.kind(),
                publish.answers(), publish.title().strip(), publish.text().lines(), signatories));
    }

    private static Outcome signPlatform(CongressCommand.SignPlatform sign, Congress congress, Context context) {
        Optional<String> refusal = broken(CongressPolicy.SITTING, congress, context);
        if (refusal.isPresent()) {
            return Outcome.reject(refusal.get());
        }
        Platform platform = sign.platform() == null ? null : congress.platform(sign.platform()).orElse(null);
        if (platform == null) {
            return Outcome.reject("there is no platform " + sign.platform() + " at this congress");
        }
        if (platform.signatories().contains(context.by())) {
            return Outcome.reject("you have already signed '" + platform.title() + "'");
        }
        return Outcome.accept(new CongressEvent.PlatformSigned(congress.id(), congress.unit(), platform.id(), context.by()));
    }

    private static Outcome removePlatform(CongressCommand.RemovePlatform remove, Congress congress, Context context) {
        Platform platform = remove.platform() == null ? null : congress.platform(remove.platform()).orElse(null);
        if (platform == null) {
            return Outcome.reject("there is no platform " + remove.platform() + " at this congress");
        }
        return Outcome.reject(Rule.firstBroken(CongressPolicy.REMOVING_PLATFORMS,
                new CongressPolicy.Removal(congress, platform, context)).orElseThrow());
    }

    private static Outcome closeCongress(Congress congress, Context context) {
        Optional<String> refusal = broken(CongressPolicy.CLOSING, congress, context);
        return refusal.map(Outcome::reject)
                .orElseGet(() -> Outcome.accept(new CongressEvent.CongressClosed(congress.id(), congress.unit())));
    }
}
