package org.smolny.council.congress;

import org.smolny.council.mandate.MotionId;
import org.smolny.council.member.MemberId;
import org.smolny.council.motion.MotionText;

import java.time.Instant;
import java.util.List;

/**
 * A minority's platform or counter-motion, as published. There is no state in which it is removed (drill D8).
 *
 * @param id the platform
 * @param kind platform or counter-motion
 * @param answers the motion it answers, or null for a platform on the congress as a whole
 * @param title its title
 * @param text its text
 * @param signatories the delegates who signed it, in the order they signed
 * @param publishedAt when it was published
 */
public record Platform(PlatformId id, PlatformKind kind, MotionId answers, String title, MotionText text,
                       List<MemberId> signatories, Instant publishedAt) {

    public Platform {
        signatories = List.copyOf(signatories);
    }

    Platform signedBy(MemberId signatory) {
        List<MemberId> more = new java.util.ArrayList<>(signatories);
        more.add(signatory);
        return new Platform(id, kind, answers, title, text, more, publishedAt);
    }
}
