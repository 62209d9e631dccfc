package org.smolny.council.recall;

import org.smolny.council.command.Context;
import org.smolny.council.command.Rule;
import org.smolny.council.mandate.Mandate;
import org.smolny.council.mandate.MandateSource;
import org.smolny.council.statutes.ElectorateRule;

import java.util.List;

/**
 * Every rule that applies to a recall, in one place (drill D10). Any elector of the mandate's electorate opens a
 * petition; signatures count against the electorate as it stood when the petition opened; at the statutory threshold
 * the mandate ends (or a recall vote opens) and a by-election is scheduled; no body can veto it.
 */
public final class RecallPolicy {

    private RecallPolicy() {
    }

    /** Opening a petition against a mandate. */
    public record Opening(RecallCommand.OpenRecallPetition command, Mandate.Active mandate, ElectorateRule electorate,
                          Context context) {
    }

    /** Signing an open petition. */
    public record Signing(RecallPetition.Open petition, Mandate.Active mandate, ElectorateRule electorate, Context context) {
    }

    public static final Rule<Opening> ELECTED_MANDATES_ARE_RECALLED_BY_THEIR_ELECTORS = Rule.of(
            "a recall petition is against an elected mandate",
            opening -> opening.mandate().source() == MandateSource.ELECTED ? null
                    : "this post is filled by appointment; its holder answers to the appointing body, not to a recall petition");

    public static final Rule<Opening> ANY_ELECTOR_OPENS = Rule.of(
            "any elector of the mandate's electorate can open a petition",
            opening -> opening.context().by() != null && opening.context().electorates().isElector(opening.electorate(),
                    opening.mandate().unit(), opening.context().by(), opening.context().now()) ? null
                    : "only an elector of '" + opening.electorate().name() + "' can open a petition to recall this mandate");

    public static final Rule<Opening> ONE_PETITION_AT_A_TIME = Rule.of(
            "one petition at a time against a mandate",
            opening -> opening.context().state().recallPetitions().pendingAgainst(opening.mandate().id())
                    .map(pending -> "a petition to recall this mandate is already open: sign petition " + pending.id())
                    .orElse(null));

    public static final Rule<Signing> THE_PETITION_IS_OPEN = Rule.of(
            "signatures are taken until the petition closes",
            signing -> signing.context().now().isBefore(signing.petition().closesAt()) ? null
                    : "the petition closed on " + signing.petition().closesAt());

    public static final Rule<Signing> ONLY_ELECTORS_SIGN = Rule.of(
            "only those who were electors when the petition opened, and still are, sign",
            signing -> signing.context().by() != null && signing.context().electorates().isElector(signing.electorate(),
                    signing.mandate().unit(), signing.context().by(), signing.petition().openedAt()) ? null
                    : "only electors of '" + signing.electorate().name() + "' as of the petition's opening ("
                    + signing.petition().openedAt() + ") can sign");

    public static final Rule<Signing> ONE_SIGNATURE_EACH = Rule.of(
            "each elector signs once",
            signing -> signing.context().state().recallPetitions().hasSigned(signing.petition().id(), signing.context().by())
                    ? "you have already signed this petition" : null);

    /** The rules for opening, in the order checked. */
    public static final List<Rule<Opening>> OPENING = List.of(ELECTED_MANDATES_ARE_RECALLED_BY_THEIR_ELECTORS,
            ANY_ELECTOR_OPENS, ONE_PETITION_AT_A_TIME);

    /** The rules for signing, in the order checked. */
    public static final List<Rule<Signing>> SIGNING = List.of(THE_PETITION_IS_OPEN, ONLY_ELECTORS_SIGN, ONE_SIGNATURE_EACH);

    /** Why a veto is refused, whoever asks. */
    public static final String NO_VETO = "no body can veto, suspend or overturn a recall: the petition closes only at its "
            + "threshold or its closing date, and a recall at the threshold takes effect on its own";
}
