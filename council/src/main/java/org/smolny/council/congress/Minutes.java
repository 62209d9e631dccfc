package org.smolny.council.congress;

import org.smolny.council.event.CouncilEvent;
import org.smolny.council.event.Entry;
import org.smolny.council.mandate.Position;
import org.smolny.council.member.MemberId;
import org.smolny.council.unit.UnitId;

import java.time.Instant;
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

    /** One vote as the record holds it: the question, the votes cast in order, the result. */
    private record Vote(CongressEvent.VoteOpened opened, List<CongressEvent.VoteCast> casts, CongressEvent.VoteClosed closed) {
    }

    /**
     * The minutes of congress {@code id} from {@code entries} (the record, or any part of it holding the congress's
     * entries; units founded in it are named). Members are named by {@code names} (the erasable personal data, or
     * their pseudonymous id).
     */
    public static String write(CongressId id, Iterable<Entry> entries, Function<MemberId, String> names) {
        Congresses congresses = new Congresses();
        Map<UnitId, String> unitNames = new HashMap<>();
        Map<String, Instant> times = new HashMap<>();
        List<Vote> votes = new ArrayList<>();
        CongressEvent.VoteOpened opened = null;
        List<CongressEvent.VoteCast> casts = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.event() instanceof CouncilEvent.UnitFounded founded) {
                unitNames.put(founded.unit(), founded.name());
            }
            if (!(entry.event() instanceof CongressEvent event) || !event.congress().equals(id)) {
                continue;
            }
            congresses.apply(event, entry.at());
            times.putIfAbsent(event.getClass().getSimpleName(), entry.at());
            switch (event) {
                case CongressEvent.VoteOpened open -> {
                    opened = open;
                    casts = new ArrayList<>();
                }
                case CongressEvent.VoteCast cast -> casts.add(cast);
                case CongressEvent.VoteClosed closed -> votes.add(new Vote(opened, List.copyOf(casts), closed));
                case CongressEvent.CongressClosed closed -> times.put("closed", entry.at());
                default -> {
                }
            }
        }
        Congress congress = congresses.find(id)
                .orElseThrow(() -> new IllegalArgumentException("the entries hold no congress " + id));
        Function<UnitId, String> unitName = unit -> unitNames.getOrDefault(unit, unit.toString());
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
        if (!congress.elections().isEmpty()) {
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
            }
        }
        return out.toString();
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

    private static void item(StringBuilder out, Congress congress, int item, List<Vote> votes, Function<MemberId, String> names) {
        out.append("\n## ").append(item).append(". ").append(congress.agenda().get(item - 1).title()).append('\n');
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

    private static void castList(StringBuilder out, Vote vote, Function<MemberId, String> names, String indent) {
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
