package org.smolny.ballot.tally;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smolny.ballot.elgamal.Ciphertext;
import org.smolny.ballot.encrypt.EncryptedBallot;
import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.encrypt.PublicCredential;
import org.smolny.ballot.group.Group;
import org.smolny.ballot.group.GroupElement;

/**
 * The homomorphic tally (ballot spec §8.1): per selection, the product of the weighted ciphertexts of every credential's
 * last cast ballot. Immutable.
 */
public record EncryptedTally(List<List<Ciphertext>> totals) {
    public EncryptedTally {
        totals = totals.stream().map(List::copyOf).toList();
    }

    /** §8.1 eq 42: T = Π over counted ballots b of ct_b^(w_b). */
    public static EncryptedTally compute(Group group, Manifest manifest, List<PublicCredential> credentials,
                                         List<BoardEntry> board) {
        Map<GroupElement, Long> weights = new HashMap<>();
        credentials.forEach(c -> weights.put(c.key(), c.weight()));
        Map<GroupElement, EncryptedBallot> lastCast = new LinkedHashMap<>();
        for (BoardEntry e : board) {
            if (e instanceof BoardEntry.Cast cast) {
                lastCast.put(cast.ballot().credential(), cast.ballot());
            }
        }
        List<List<Ciphertext>> totals = new ArrayList<>();
        manifest.contests().forEach(c -> {
            List<Ciphertext> row = new ArrayList<>();
            c.selections().forEach(s -> row.add(Ciphertext.zero(group)));
            totals.add(row);
        });
        for (EncryptedBallot b : lastCast.values()) {
            Long w = weights.get(b.credential());
            if (w == null) {
                throw new IllegalArgumentException("a ballot on the board has a credential not on the list");
            }
            for (int i = 0; i < totals.size(); i++) {
                for (int j = 0; j < totals.get(i).size(); j++) {
                    Ciphertext ct = b.contests().get(i).selections().get(j).ciphertext();
                    totals.get(i).set(j, totals.get(i).get(j).add(w == 1 ? ct : ct.scale(group.scalar(w))));
                }
            }
        }
        return new EncryptedTally(totals);
    }
}
