package org.smolny.web.council;

import java.util.List;

/** What the council's pages show: plain values for the templates. Immutable. */
public final class CouncilViews {

    private CouncilViews() {
    }

    /** A unit, by name. */
    public record UnitLine(String id, String name, String type) {
    }

    /** A mandate: who holds which post where, until when, and whether it is still in force. */
    public record MandateLine(String id, String post, String unit, String holder, String source, String endsAt, String status) {
        public boolean active() {
            return "active".equals(status);
        }
    }

    /** A delegate's vote on a motion beside the unit's instruction ({@code followed} null when there was none, or no vote). */
    public record VoteLine(String motion, String instructed, String voted, Boolean followed) {
    }

    /** A delegate of one of the member's units, with their votes. */
    public record DelegateLine(MandateLine mandate, List<VoteLine> votes) {
    }

    /** A recall petition the member may sign, or one that ended. */
    public record PetitionLine(String id, String post, String unit, String holder, long signatures, long needed, String closesAt,
                               boolean signed, String status) {
        public boolean open() {
            return "open".equals(status);
        }
    }

    /** An election scheduled but not yet held (a by-election after a recall, for example). */
    public record ElectionLine(String post, String unit, String kind, String holdBy) {
    }

    /** A member of a unit, as its officers see them. */
    public record MemberLine(String id, String name, String email, String phone, String status, String votingFrom) {
    }

    /** The signed-in member's page. */
    public record MyCouncil(String login, String member, List<UnitLine> units, String votingFrom, List<MandateLine> mandates,
                            List<DelegateLine> delegates, List<UnitLine> officerOf) {
    }

    /** One key rule of the statutes, as a member reads it. */
    public record Rule(String label, String value) {
    }
}
