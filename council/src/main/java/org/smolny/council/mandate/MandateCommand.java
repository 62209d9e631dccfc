package org.smolny.council.mandate;

import org.smolny.council.command.Command;
import org.smolny.council.member.MemberId;
import org.smolny.council.statutes.VoteTally;
import org.smolny.council.unit.UnitId;

/** Commands on mandates: appointment (to posts that are not elective), giving up a mandate, binding instructions. */
public sealed interface MandateCommand extends Command {

    /** Appoint {@code appointee} to a seat of {@code post} in {@code unit}; refused when the statutes make the post elective. */
    record AppointToPost(MandateId mandate, String post, UnitId unit, MemberId appointee) implements MandateCommand {
    }

    /** The holder gives up their mandate; for an elective post a by-election follows. */
    record RelinquishMandate(MandateId mandate, String reason) implements MandateCommand {
    }

    /** {@code unit}, by its vote, instructs its delegate (the holder of {@code mandate}) how to vote on a motion. */
    record InstructDelegate(MandateId mandate, UnitId unit, MotionId motion, Position position, VoteTally unitVote)
            implements MandateCommand {
    }

    /** The delegate's actual vote on a motion, to be compared with the instruction. */
    record RecordDelegateVote(MandateId mandate, MotionId motion, Position position) implements MandateCommand {
    }
}
