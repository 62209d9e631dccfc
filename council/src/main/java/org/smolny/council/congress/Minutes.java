package org.smolny.council.congress;

import org.smolny.council.event.CouncilEvent;
import org.smolny.council.event.Entry;
import org.smolny.council.mandate.Position;
import org.smolny.council.member.MemberId;
import org.smolny.council.unit.UnitId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The minutes of a congress, written from its entries on the record as Markdown: convocation, attendance, agenda,
 * each motion with its amendments, every vote with its result and the rule that decided it (each delegate's vote,
 * as votes are public), the minority's platforms beside the motions they answer, elections with their rounds.
 * Anyone holding the record can write the same minutes. Stateless.
 */
public final class Minutes {

    private Minutes() {
    }

    /**
     * The minutes of congress {@code id} from {@code entries} (the record, or any part of it holding the congress's
     * entries; units founded in it are named). Members are named by {@code names} (the erasable personal data, or
     * their pseudonymous id). Reads every entry: a server keeps the congress's projection and calls
     * {@link #write(Congress, Function, Function)} instead.
     */
    public static String write(CongressId id, Iterable<Entry> entries, Function<MemberId, String> names) {
        Congresses congresses = new Congresses();
        Map<UnitId, String> unitNames = new HashMap<>();
        for (Entry entry : entries) {
            if (entry.event() instanceof CouncilEvent.UnitFounded founded) {
                unitNames.put(founded.unit(), founded.name());
            }
            if (entry.event() instanceof CongressEvent event && event.congress().equals(id)) {
                congresses.apply(event, entry.at());
            }
        }
        Congress congress = congresses.find(id)
                .orElseThrow(() -> new IllegalArgumentException("the entries hold no congress " + id));
        return write(congress, unit -> unitNames.getOrDefault(unit, unit.toString()), names);
    }

    /**
     * The minutes of {@code congress} from its projection, which holds everything the minutes say (each vote with
     * every vote cast, each ballot of an election): the time it takes grows with the congress, not with the record.
     * Units are named by {@code unitNames}, members by {@code names}. Call it where the projection may be read (under
     * the council's read lock).
     */
    public static String write(Congress congress, Function<UnitId, String> unitNames, Function<MemberId, String> names) {
        CongressId id = congress.id();
        List<Congress.VoteHeld> votes = congress.votesHeld();
        Function<UnitId, String> unitName = unitNames;
        StringBuilder out = new StringBuilder();
        CongressEvent.CongressConvened convocation = congress.convocation();
        out.append("# Minutes of the ").append(convocation.body()).append(" of ").append(unitName.apply(congress.unit())).append("\n\n");
        out.append("- Congress: `").append(id).append("`\n");
        out.append("- Convened: ").append(convocation.kind() == ConveningKind.REGULAR
                ? "regularly, by the statutory interval" : "by the members' petition `" + convocation.convening() + "`").append('\n');
        out.append("- Opening: ").append(convocation.opensAt()).append('\n');
        out.append("- Chair: ").append(names.apply(convocation.chair())).append('\n');
        if (congress.phase() instanceof Congress.Closed closed) {
            out.append("- Closed: ").append(closed.closedAt()).append('\n');
        }
        attendance(out, congress, names, unitName);
        agenda(out, congress);
        for (int item = 1; item <= congress.agenda().size(); item++) {
            item(out, congress, item, votes, names);
        }
        List<Platform> general = congress.platforms().stream().filter(platform -> platform.answers() == null).toList();
        if (!general.isEmpty()) {
            out.append("\n## Platforms of the minority\n");
            for (Platform platform : general) {
                platform(out, platform, names);
            }
        }
        if (!congress.elections().isEmpty() || !congress.openElections().isEmpty()) {
            out.append("\n## Elections\n");
            for (CongressEvent.BodyElected election : congress.elections()) {
                out.append("\n### ").append(election.post()).append(" (").append(election.seats()).append(election.seats() == 1 ? " seat" : " seats")
                        .append(", counted by ").append(election.method()).append(")\n\n");
                out.append("- Candidates: ").append(String.join(", ", election.candidates().stream().map(names).toList())).append('\n');
                out.append("- Ballot papers: ").append(election.ballotPapers()).append('\n');
                out.append("- Elected: ").append(election.elected().isEmpty() ? "nobody"
                        : String.join(", ", election.elected().stream().map(names).toList())).append("\n\n");
                out.append("Rounds:\n\n");
                for (String round : election.rounds()) {
                    out.append("- ").append(renamed(round, election.candidates(), names)).append('\n');
                }
                congress.electionOpened(election.election()).ifPresent(opened -> ballots(out, congress, opened, names));
            }
            for (Congress.OpenElection open : congress.openElections()) {
                CongressEvent.ElectionOpened opened = open.opened();
                out.append("\n### ").append(opened.post()).append(" (").append(opened.seats()).append(opened.seats() == 1 ? " seat" : " seats")
                        .append(", to be counted by ").append(opened.method()).append(")\n\n");
                out.append("- Candidates: ").append(String.join(", ", opened.candidates().stream().map(names).toList())).append('\n');
                out.append("- Open for ballots: ").append(open.ballots().size()).append(" cast so far\n");
                ballots(out, congress, opened, names);
            }
        }
        return out.toString();
    }

    /** The ballots of an election cast one by one: public, as the election is open; each seat's last, with its weight. */
    private static void ballots(StringBuilder out, Congress congress, CongressEvent.ElectionOpened opened, Function<MemberId, String> names) {
        List<CongressEvent.RankedBallotCast> ballots = congress.castBallots(opened.election());
        if (ballots.isEmpty()) {
            return;
        }
        out.append("\nBallots cast one by one (an open election: every ballot is public), weighed in ")
                .append(opened.mode() == VoteMode.CARD ? "cards" : "one vote a seat").append(":\n\n");
        for (CongressEvent.RankedBallotCast ballot : ballots) {
            out.append("- ").append(names.apply(ballot.voter())).append(" (").append(ballot.weight()).append("): ")
                    .append(String.join(", ", ballot.ranking().stream().map(names).toList())).append('\n');
        }
        int replaced = congress.replacedBallots(opened.election());
        if (replaced > 0) {
            out.append("\n").append(replaced).append(replaced == 1 ? " ballot was" : " ballots were")
                    .append(" replaced by a later ballot of the same seat; the record keeps both.\n");
        }
    }

    private static void attendance(StringBuilder out, Congress congress, Function<MemberId, String> names,
                                   Function<UnitId, String> unitName) {
        out.append("\n## Attendance\n\n");
        if (congress.phase() instanceof Congress.InSession session) {
            out.append(session.entitledSeats()).append(" seats entitled, representing ").append(session.entitledCards())
                    .append(" members.\n\n");
        } else if (congress.phase() instanceof Congress.Closed closed && closed.entitledSeats() > 0) {
            out.append(closed.entitledSeats()).append(" seats entitled, representing ").append(closed.entitledCards())
                    .append(" members.\n\n");
        }
        out.append("| Seat | Elected in | Members represented | Sitting | Present |\n|---|---|---:|---|---|\n");
        for (Seat seat : congress.seats()) {
            out.append("| ").append(names.apply(seat.delegate())).append(" | ").append(unitName.apply(seat.electedIn())).append(" | ")
                    .append(seat.cards()).append(" | ")
                    .append(seat.alternate() == null ? "the delegate" : "alternate " + names.apply(seat.alternate())).append(" | ")
                    .append(seat.present() ? "yes" : "no").append(" |\n");
        }
    }

    private static void agenda(StringBuilder out, Congress congress) {
        out.append("\n## Agenda\n\n");
        if (congress.agenda().isEmpty()) {
            out.append("No agenda was adopted.\n");
        }
        int number = 1;
        for (AgendaItem item : congress.agenda()) {
            out.append(number++).append(". ").append(item.title()).append(" (").append(item.minutes()).append(" minutes; ")
                    .append(item.speakingMinutes()).append(" minutes per speaker)\n");
        }
    }

    private static void item(StringBuilder out, Congress congress, int item, List<Congress.VoteHeld> votes, Function<MemberId, String> names) {
        out.append("\n## ").append(item).append(". ").append(congress.agenda().get(item - 1).title()).append('\n');
        for (Congress.Extension extension : congress.extensions()) {
            if (extension.extended().item() == item) {
                out.append("\nThe chair extended the item's time by ").append(extension.extended().minutes()).append(" minutes at ")
                        .append(extension.at()).append(" (until ").append(extension.extended().endsAt()).append("): ")
                        .append(extension.extended().reason()).append('\n');
            }
        }
        List<Congress.Speech> speeches = congress.speeches().stream().filter(speech -> speech.item() == item).toList();
        if (!speeches.isEmpty()) {
            out.append("\nSpeakers: ").append(String.join("; ", speeches.stream()
                    .map(speech -> names.apply(speech.member()) + " (" + side(speech.side()) + ")").toList())).append('\n');
        }
        for (Motion motion : congress.motions()) {
            if (motion.item() != item) {
                continue;
            }
            out.append("\n### Motion: ").append(motion.title()).append("\n\n");
            out.append("Moved by ").append(String.join(", ", motion.movers().stream().map(names).toList()))
                    .append("; a decision of type '").append(motion.decision().key()).append("', needing ")
                    .append(motion.majority().words()).append(".\n\n");
            numbered(out, motion.text().lines());
            List<Amendment> amendments = congress.amendmentsTo(motion.id());
            if (!amendments.isEmpty()) {
                out.append("\nAmendments:\n\n");
                for (Amendment amendment : amendments) {
                    out.append("- ").append(amendment.edit().describe()).append(" — moved by ").append(names.apply(amendment.mover()))
                            .append(": ").append(fate(amendment, congress)).append('\n');
                    votes.stream().filter(vote -> amendment.id().equals(vote.closed().amendment()))
                            .forEach(vote -> castList(out, vote, names, "  "));
                }
            }
            for (Platform platform : congress.beside(motion.id())) {
                out.append("\nBeside this motion, the minority's ").append(platform.kind() == PlatformKind.COUNTER_MOTION
                        ? "counter-motion" : "platform").append(':');
                platform(out, platform, names);
            }
            out.append("\nResult: ").append(fate(motion)).append('\n');
            votes.stream().filter(vote -> vote.closed().amendment() == null && vote.closed().motion().equals(motion.id()))
                    .forEach(vote -> castList(out, vote, names, ""));
            if (motion.fate() instanceof Motion.Carried carried && !carried.adopted().equals(motion.text())) {
                out.append("\nAs adopted:\n\n");
                numbered(out, carried.adopted().lines());
            }
        }
    }

    private static void platform(StringBuilder out, Platform platform, Function<MemberId, String> names) {
        out.append("\n\n> **").append(platform.title()).append("** — signed by ")
                .append(String.join(", ", platform.signatories().stream().map(names).toList())).append("\n>\n");
        for (String line : platform.text().lines()) {
            out.append("> ").append(line).append('\n');
        }
    }

    private static void numbered(StringBuilder out, List<String> lines) {
        for (int number = 1; number <= lines.size(); number++) {
            out.append("    ").append(String.format(Locale.ROOT, "%3d", number)).append("  ").append(lines.get(number - 1)).append('\n');
        }
    }

    private static void castList(StringBuilder out, Congress.VoteHeld vote, Function<MemberId, String> names, String indent) {
        if (vote.opened() == null) {
            return;
        }
        out.append(indent).append("- ").append(vote.opened().mode() == VoteMode.CARD ? "Card vote" : "Named vote").append(": ");
        List<String> each = new ArrayList<>();
        for (CongressEvent.VoteCast cast : vote.casts()) {
            StringBuilder one = new StringBuilder(names.apply(cast.voter())).append(' ').append(cast.position() == Position.ABSTAIN
                    ? "abstained" : cast.position().name().toLowerCase(Locale.ROOT));
            if (vote.opened().mode() == VoteMode.CARD) {
                one.append(" (").append(cast.cards()).append(')');
            }
            if (cast.instructed() != null) {
                one.append(cast.followedInstruction() ? ", as instructed" : ", against the unit's instruction ("
                        + cast.instructed().name().toLowerCase(Locale.ROOT) + ")");
            }
            each.add(one.toString());
        }
        out.append(each.isEmpty() ? "no votes cast" : String.join("; ", each)).append('\n');
    }

    private static String fate(Amendment amendment, Congress congress) {
        return switch (amendment.fate()) {
            case Amendment.Pending pending -> "not put to the vote";
            case Amendment.Carried carried -> carried.decision().sentence();
            case Amendment.Lost lost -> lost.decision().sentence();
            case Amendment.Withdrawn withdrawn -> "withdrawn";
            case Amendment.Fell fell -> "fell, as the carried amendment to "
                    + congress.amendment(fell.because()).map(other -> other.edit().describe()).orElse("the same lines")
                    + " changed the same lines";
        };
    }

    private static String fate(Motion motion) {
        return switch (motion.fate()) {
            case Motion.Pending pending -> "not put to the vote.";
            case Motion.Carried carried -> carried.decision().sentence();
            case Motion.Lost lost -> lost.decision().sentence();
            case Motion.Withdrawn withdrawn -> "withdrawn by the mover.";
            case Motion.Remitted remitted -> "remitted to the " + remitted.body() + ", with the mover's agreement.";
            case Motion.Composited composited -> "merged into a composite motion.";
        };
    }

    private static String side(Side side) {
        return switch (side) {
            case FOR -> "for";
            case AGAINST -> "against";
            case POINT_OF_ORDER -> "point of order";
        };
    }

    private static String renamed(String round, List<MemberId> candidates, Function<MemberId, String> names) {
        String text = round;
        for (MemberId candidate : candidates) {
            text = text.replace(candidate.toString(), names.apply(candidate));
        }
        return text;
    }
}
