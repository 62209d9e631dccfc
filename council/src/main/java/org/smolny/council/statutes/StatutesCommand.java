package org.smolny.council.statutes;

import org.smolny.council.command.Command;

/** Commands on the statutes. */
public sealed interface StatutesCommand extends Command {

    /** The founding act: adopt the first statutes (version 1 or the version written in the text). */
    record AdoptStatutes(String text) implements StatutesCommand {
    }

    /**
     * The congress amends the statutes: {@code text} is the whole new version; {@code congressVote} names the closed
     * congress vote that carried a statutes-amendment motion naming the new version's SHA-256.
     */
    record AmendStatutes(String text, org.smolny.council.congress.CongressVoteRef congressVote) implements StatutesCommand {
    }
}
