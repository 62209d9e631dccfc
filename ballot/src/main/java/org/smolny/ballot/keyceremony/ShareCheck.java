package org.smolny.ballot.keyceremony;

import java.util.List;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.group.SecretScalar;

/** The outcome of a trustee checking every share sent to it and the joint key (ballot spec §6.4). */
public sealed interface ShareCheck {

    /** Every share decrypted and matched the sender's Feldman commitments; the trustee's key share and keys. */
    record Accepted(SecretScalar keyShare, GroupElement verificationKey, GroupElement jointKey) implements ShareCheck {
        @Override
        public String toString() {
            return "Accepted[verificationKey=" + verificationKey + ", jointKey=" + jointKey + "]";
        }
    }

    /** At least one sender's announcement or share is bad; each complaint names the sender and the reason. */
    record Rejected(List<Complaint> complaints) implements ShareCheck {
        public Rejected {
            complaints = List.copyOf(complaints);
        }
    }

    record Complaint(int sender, String reason) {
    }
}
