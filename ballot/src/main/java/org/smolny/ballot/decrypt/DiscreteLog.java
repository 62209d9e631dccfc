package org.smolny.ballot.decrypt;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;

/**
 * The small discrete logarithm t of g^t for 0 ≤ t ≤ bound, by baby-step giant-step (ballot spec §8.4): about
 * 2·√bound group operations. Stateless.
 */
public final class DiscreteLog {
    private DiscreteLog() {
    }

    public static OptionalLong solve(Group group, GroupElement target, long bound) {
        if (bound < 0) {
            throw new IllegalArgumentException("the bound must not be negative");
        }
        long m = (long) Math.ceil(Math.sqrt((double) bound + 1));
        Map<ByteBuffer, Long> baby = new HashMap<>();
        GroupElement step = group.identity();
        for (long j = 0; j < m; j++) {
            baby.putIfAbsent(ByteBuffer.wrap(step.encode()), j);
            step = step.multiply(group.generator());
        }
        GroupElement giant = group.powerOfGenerator(group.scalar(m)).inverse();
        GroupElement current = target;
        for (long i = 0; i <= m; i++) {
            Long j = baby.get(ByteBuffer.wrap(current.encode()));
            if (j != null) {
                long t = i * m + j;
                return t <= bound ? OptionalLong.of(t) : OptionalLong.empty();
            }
            current = current.multiply(giant);
        }
        return OptionalLong.empty();
    }
}
