package org.smolny.council.secret;

import org.smolny.ballot.encrypt.Contest;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.keyceremony.CeremonyParameters;
import org.smolny.council.congress.Amendment;
import org.smolny.council.congress.Congress;
import org.smolny.council.congress.Motion;
import org.smolny.council.mandate.MotionId;
import org.smolny.council.congress.AmendmentId;
import org.smolny.council.member.MemberId;

import java.util.List;

/**
 * The manifests of the council's secret ballots (ballot spec §1): made here, once, so that the tellers' key
 * ceremony, the voting page and the council all use the same bytes. Stateless.
 */
public final class SecretQuestions {

    /** The contest of a congress question, and its selections in order: for, against, abstain (mark exactly one). */
    public static final String QUESTION = "question";
    public static final List<String> POSITIONS = List.of("for", "against", "abstain");
    /** The contest of an election: its selections are the candidates' member ids, in the order given. */
    public static final String SEATS = "seats";

    private static final int TITLE = 200;

    private SecretQuestions() {
    }

    /** The manifest of a secret congress vote on {@code motion} (or on {@code amendment} to it). */
    public static Manifest congressVote(String ballot, Congress congress, MotionId motion, AmendmentId amendment,
                                        CeremonyParameters tellers) {
        Motion put = congress.motion(motion).orElseThrow(() -> new IllegalArgumentException("there is no motion " + motion
                + " at this congress"));
        String title;
        if (amendment == null) {
            title = "Motion: " + put.title();
        } else {
            Amendment moved = congress.amendment(amendment).orElseThrow(() -> new IllegalArgumentException(
                    "there is no amendment " + amendment + " at this congress"));
            title = "Amendment to '" + put.title() + "': " + moved.edit().describe();
        }
        String shown = shorten(title);
        return new Manifest(ballot, shown, "P-256", tellers,
                List.of(new Contest(QUESTION, shown, POSITIONS, Contest.LimitKind.EXACTLY, 1)));
    }

    /** The manifest of a secret election of {@code seats} seats of {@code post} among {@code candidates}. */
    public static Manifest mandateElection(String ballot, String post, String unitName, int seats, List<MemberId> candidates,
                                           CeremonyParameters tellers) {
        String title = shorten("Election of " + post + " (" + seats + " seat" + (seats == 1 ? "" : "s") + "), " + unitName);
        return new Manifest(ballot, title, "P-256", tellers, List.of(new Contest(SEATS, title,
                candidates.stream().map(MemberId::toString).toList(), Contest.LimitKind.AT_MOST, Math.min(seats, candidates.size()))));
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", " ").strip();
        return flat.length() <= TITLE ? flat : flat.substring(0, TITLE - 1).strip() + "…";
    }
}
