package org.smolny.ballot.record;

import java.util.List;
import org.smolny.ballot.keyceremony.EncryptedShare;
import org.smolny.ballot.keyceremony.TrusteeAnnouncement;
import org.smolny.ballot.keyceremony.TrusteeConfirmation;

/** The published key ceremony (ballot spec §10.2): announcements, encrypted shares, confirmations. Immutable. */
public record CeremonyTranscript(List<TrusteeAnnouncement> announcements, List<EncryptedShare> shares,
                                 List<TrusteeConfirmation> confirmations) {
    public CeremonyTranscript {
        announcements = List.copyOf(announcements);
        shares = List.copyOf(shares);
        confirmations = List.copyOf(confirmations);
    }
}
