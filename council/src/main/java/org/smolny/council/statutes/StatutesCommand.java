package org.smolny.council.statutes;

import org.smolny.council.command.Command;

/** Commands on the statutes. */
public sealed interface StatutesCommand extends Command {

    /** The founding act: adopt the first statutes (version 1 or the version written in the text). */
    record AdoptStatutes(String text) implements StatutesCommand {
    }

    /** The congress amends the statutes: {@code text} is the whole new version, carried by {@code congressVote}. */
    record AmendStatutes(String text, VoteTally congressVote) implements StatutesCommand {
    }
}
