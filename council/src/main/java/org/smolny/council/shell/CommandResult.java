package org.smolny.council.shell;

import org.smolny.council.event.Entry;

import java.util.List;

/** What became of a command sent to the {@link CouncilService}: recorded durably, or refused with nothing written. */
public sealed interface CommandResult {

    /**
     * The command was accepted; its entries are durably on the record, at these indexes.
     *
     * @param entries each entry with its index on the record, in order (none for a clock tick with nothing due)
     */
    record Recorded(List<RecordedEntry> entries) implements CommandResult {
        public Recorded {
            entries = List.copyOf(entries);
        }
    }

    /** The command was refused; the reason is for a person to read. Nothing was written. */
    record Refused(String reason) implements CommandResult {
        public Refused {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a refusal says why");
            }
        }
    }

    /**
     * One entry written for an accepted command.
     *
     * @param index its position on the record
     * @param entry the entry
     */
    record RecordedEntry(long index, Entry entry) {
        public RecordedEntry {
            if (index < 0 || entry == null) {
                throw new IllegalArgumentException("a recorded entry has an index and an entry");
            }
        }
    }
}
