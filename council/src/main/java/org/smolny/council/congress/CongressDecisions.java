package org.smolny.council.congress;

import org.smolny.council.projection.CouncilState;
import org.smolny.council.statutes.DecisionType;

import java.util.Optional;

/**
 * Checks that a decision the statutes leave to the congress was taken by it: the referenced congress exists, voted
 * on the referenced motion, the vote is closed and carried the motion, the motion was of the decision's type and
 * names what it decides (its title or text contains the subject's id). Stateless; thread-safe.
 */
public final class CongressDecisions {

    private CongressDecisions() {
    }

    /**
     * Why {@code vote} does not decide {@code subject} as a {@code type} decision, or empty if it does.
     *
     * @param subject the id (as text) the motion must name, for example the payment or the emergency powers
     */
    public static Optional<String> refusal(CongressVoteRef vote, DecisionType type, String subject, CouncilState state) {
        if (vote == null) {
            return Optional.of("only a vote of the congress decides this: name the congress and the motion it carried");
        }
        Congress congress = state.congresses().find(vote.congress()).orElse(null);
        if (congress == null) {
            return Optional.of("there is no congress " + vote.congress());
        }
        Motion motion = congress.motion(vote.motion()).orElse(null);
        if (motion == null) {
            return Optional.of("congress " + vote.congress() + " has no motion " + vote.motion());
        }
        CongressEvent.VoteClosed closed = congress.results().stream()
                .filter(result -> result.motion().equals(vote.motion()) && result.amendment() == null)
                .reduce((first, last) -> last).orElse(null);
        if (closed == null) {
            return Optional.of("the congress has not closed a vote on motion " + vote.motion());
        }
        if (!closed.passed()) {
            return Optional.of("the congress did not carry motion " + vote.motion() + " (" + closed.rule() + ")");
        }
        if (motion.decision() != type) {
            return Optional.of("motion " + vote.motion() + " was a decision of type '" + motion.decision().key()
                    + "', not '" + type.key() + "'");
        }
        boolean names = motion.title().contains(subject)
                || motion.text().lines().stream().anyMatch(line -> line.contains(subject));
        if (!names) {
            return Optional.of("motion " + vote.motion() + " does not name " + subject + ": the congress voted on another question");
        }
        return Optional.empty();
    }
}
