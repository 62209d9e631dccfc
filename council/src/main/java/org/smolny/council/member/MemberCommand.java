package org.smolny.council.member;

import org.smolny.council.command.Command;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitId;

/** Commands on membership. Expulsion has its own due process, in {@code org.smolny.council.expulsion}. */
public sealed interface MemberCommand extends Command {

    /**
     * A unit admits a member by its own vote. The member's personal data is stored apart
     * ({@link PersonalDataStore}); only the commitment goes on the record.
     */
    record AdmitMember(MemberId member, UnitId unit, Commitment commitment, VoteTally unitVote) implements MemberCommand {
    }

    /** A member moves to {@code toUnit}, by that unit's vote; seniority and voting rights go with them. */
    record TransferMember(MemberId member, UnitId toUnit, VoteTally unitVote) implements MemberCommand {
    }

    /** The member resigns (only the member themself can). */
    record Resign(MemberId member) implements MemberCommand {
    }

    /** The member's unit records that the membership lapsed, with the reason (for example, dues unpaid). */
    record RecordLapse(MemberId member, String reason) implements MemberCommand {
    }
}
