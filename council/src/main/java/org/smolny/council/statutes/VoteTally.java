package org.smolny.council.statutes;

/**
 * The count of an open vote in a body: how many were entitled, present, for, against and abstaining.
 *
 * @param entitled members of the body entitled to vote
 * @param present those present (for, against and abstentions are among them)
 * @param inFavour votes for
 * @param against votes against
 * @param abstentions abstentions
 */
public record VoteTally(int entitled, int present, int inFavour, int against, int abstentions) {

    public VoteTally {
        if (entitled < 1) {
            throw new IllegalArgumentException("a vote needs at least one member entitled to vote, got " + entitled);
        }
        if (present < 0 || inFavour < 0 || against < 0 || abstentions < 0) {
            throw new IllegalArgumentException("vote counts cannot be negative");
        }
        if (present > entitled) {
            throw new IllegalArgumentException("more present (" + present + ") than entitled to vote (" + entitled + ")");
        }
        if ((long) inFavour + against + abstentions > present) {
            throw new IllegalArgumentException("more votes (" + ((long) inFavour + against + abstentions)
                    + ") than members present (" + present + ")");
        }
    }
}
