package org.smolny.council.command;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A named rule of the statutes or of due process, checked before a command is accepted.
 * Each concept lists its rules in one place (for example {@code RecallPolicy}), so a reader sees every rule that applies.
 *
 * @param name the rule, as a sentence
 * @param check gives the refusal when the rule is broken, or empty when it holds
 * @param <S> the situation the rule looks at: the command with the state it concerns
 */
public record Rule<S>(String name, Function<S, Optional<String>> check) {

    public Rule {
        if (name == null || name.isBlank() || check == null) {
            throw new IllegalArgumentException("a rule has a name and a check");
        }
    }

    /** A rule that refuses with {@code check}'s message when that message is not null. */
    public static <S> Rule<S> of(String name, Function<S, String> refusalOrNull) {
        return new Rule<>(name, situation -> Optional.ofNullable(refusalOrNull.apply(situation)));
    }

    /** The first refusal among {@code rules}, in order, or empty when all hold. */
    public static <S> Optional<String> firstBroken(List<Rule<S>> rules, S situation) {
        for (Rule<S> rule : rules) {
            Optional<String> refusal = rule.check.apply(situation);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }
}
