package org.smolny.council.command;

import org.smolny.council.event.CouncilEvent;

import java.util.List;

/** What a command comes to: accepted with the events it produced, or rejected with a reason a person can read. */
public sealed interface Outcome {

    /**
     * The command was accepted; {@code events} go on the record in this order. Only a clock tick with nothing
     * falling due is accepted with no events.
     */
    record Accepted(List<CouncilEvent> events) implements Outcome {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** The command was refused; nothing changes. */
    record Rejected(String reason) implements Outcome {
        public Rejected {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a rejection says why");
            }
        }
    }

    static Outcome accept(CouncilEvent... events) {
        return new Accepted(List.of(events));
    }

    static Outcome accept(List<CouncilEvent> events) {
        return new Accepted(events);
    }

    static Outcome reject(String reason) {
        return new Rejected(reason);
    }
}
