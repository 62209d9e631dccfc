package org.smolny.council.election;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The named ballots of an open election as the record holds them: inline in the {@code election.held} entry when
 * they are few, or in numbered {@code open-ballots.recorded} parts, each well under the record's 64 KiB entry limit,
 * when they are many. Either way the {@code election.held} entry gives their number and their digest, and the fold
 * checks both. Stateless; thread-safe.
 */
public final class NamedBallots {

    /** The most characters of ballots (estimated from above) in one entry: well under 64 KiB with its envelope. */
    public static final int PART_CHARACTERS = 40_000;

    private NamedBallots() {
    }

    /**
     * The digest of the ballots, in order: SHA-256 over one line per ballot, {@code voter:candidate,candidate\n}
     * (ids in their canonical text), as 64 lower-case hex digits.
     */
    public static String digest(List<Ballot> ballots) {
        MessageDigest sha256 = sha256();
        for (Ballot ballot : ballots) {
            StringBuilder line = new StringBuilder(ballot.voter().toString()).append(':');
            for (int index = 0; index < ballot.candidates().size(); index++) {
                line.append(index == 0 ? "" : ",").append(ballot.candidates().get(index));
            }
            sha256.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Whether the ballots fit inline in the {@code election.held} entry (otherwise they go in parts). */
    public static boolean fitInline(List<Ballot> ballots) {
        return parts(ballots).size() <= 1;
    }

    /** The ballots in order, split into parts of at most {@link #PART_CHARACTERS} characters of JSON (estimated from above). */
    public static List<List<Ballot>> parts(List<Ballot> ballots) {
        List<List<Ballot>> parts = new ArrayList<>();
        List<Ballot> part = new ArrayList<>();
        int size = 0;
        for (Ballot ballot : ballots) {
            int estimate = 48 + 40 * (1 + ballot.candidates().size());
            if (!part.isEmpty() && size + estimate > PART_CHARACTERS) {
                parts.add(List.copyOf(part));
                part = new ArrayList<>();
                size = 0;
            }
            part.add(ballot);
            size += estimate;
        }
        if (!part.isEmpty()) {
            parts.add(List.copyOf(part));
        }
        return parts;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException absent) {
            throw new IllegalStateException("the JDK has no SHA-256", absent);
        }
    }
}
