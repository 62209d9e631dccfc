package org.smolny.council.congress;

import org.smolny.council.projection.CouncilState;
import org.smolny.council.statutes.DecisionType;

import java.util.Optional;

/**
 * Checks that a decision the statutes leave to the congress was taken by it: the referenced congress exists, voted
 * on the referenced motion, the vote is closed and carried the motion, the motion was of the decision's type and
 * names what it decides (its title or text contains the subject's id); or, for decisions either way such as an
 * appeal, that the vote is closed and was quorate. Stateless; thread-safe.
 */
public final class CongressDecisions {

    private CongressDecisions() {
    }

    /**
     * What the congress decided by {@code vote} on a question of type {@code type} naming {@code subject}: refused
     * with a reason, or decided, carried or not. Unlike {@link #refusal}, a motion voted down is a decision too (an
     * appeal rejected confirms the expulsion), provided the vote was closed and quorate.
     */
    public sealed interface Verdict {

        /** The vote does not decide the question; {@code reason} says why. */
        record Refused(String reason) implements Verdict {
        }

        /** The congress decided the question in a closed, quorate vote: {@code carried} or not, under {@code rule}. */
        record Decided(boolean carried, String rule) implements Verdict {
        }
    }

    /**
     * Why {@code vote} does not decide {@code subject} as a {@code type} decision, or empty if it does: the vote must
     * have carried the motion.
     *
     * @param subject the id (as text) the motion must name, for example the payment or the emergency powers
     */
    public static Optional<String> refusal(CongressVoteRef vote, DecisionType type, String subject, CouncilState state) {
        return switch (verdict(vote, type, subject, state, true)) {
            case Verdict.Refused refused -> Optional.of(refused.reason());
            case Verdict.Decided decided -> Optional.empty();
        };
    }

    /**
     * Whether {@code vote} decides {@code subject} as a {@code type} decision either way: the vote is closed and was
     * quorate, the motion was of that type and names the subject. A motion carried or voted down both decide.
     *
     * @param subject the id (as text) the motion must name, for example the charge appealed
     */
    public static Verdict closedAndQuorate(CongressVoteRef vote, DecisionType type, String subject, CouncilState state) {
        return verdict(vote, type, subject, state, false);
    }

    private static Verdict verdict(CongressVoteRef vote, DecisionType type, String subject, CouncilState state,
                                   boolean mustPass) {
        if (vote == null) {
            return new Verdict.Refused(mustPass
                    ? "only a vote of the congress decides this: name the congress and the motion it carried"
                    : "only a vote of the congress decides this: name the congress and the motion it voted on");
        }
        Congress congress = state.congresses().find(vote.congress()).orElse(null);
        if (congress == null) {
            return new Verdict.Refused("there is no congress " + vote.congress());
        }
        Motion motion = congress.motion(vote.motion()).orElse(null);
        if (motion == null) {
            return new Verdict.Refused("congress " + vote.congress() + " has no motion " + vote.motion());
        }
        CongressEvent.VoteClosed closed = congress.results().stream()
                .filter(result -> result.motion().equals(vote.motion()) && result.amendment() == null)
                .reduce((first, last) -> last).orElse(null);
        if (closed == null) {
            return new Verdict.Refused("the congress has not closed a vote on motion " + vote.motion());
        }
        if (mustPass && !closed.passed()) {
            return new Verdict.Refused("the congress did not carry motion " + vote.motion() + " (" + closed.rule() + ")");
        }
        if (closed.rule().startsWith("quorum")) {
            return new Verdict.Refused("the congress's vote on motion " + vote.motion() + " was not quorate, so nothing was decided ("
                    + closed.rule() + ")");
        }
        if (motion.decision() != type) {
            return new Verdict.Refused("motion " + vote.motion() + " was a decision of type '" + motion.decision().key()
                    + "', not '" + type.key() + "'");
        }
        boolean names = motion.title().contains(subject)
                || motion.text().lines().stream().anyMatch(line -> line.contains(subject));
        if (!names) {
            return new Verdict.Refused("motion " + vote.motion() + " does not name " + subject
                    + ": the congress voted on another question");
        }
        return new Verdict.Decided(closed.passed(), closed.rule());
    }
}
