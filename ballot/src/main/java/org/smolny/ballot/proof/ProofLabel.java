package org.smolny.ballot.proof;

import java.nio.charset.StandardCharsets;

/** The protocol labels hashed first into every Fiat–Shamir challenge (ballot spec §3, table 1). */
public enum ProofLabel {
    /** A selection encrypts 0 or 1 (§5.2). */
    SELECTION("smolny/ballot/v1/selection"),
    /** A contest's sum of selections lies in the allowed range (§5.3). */
    CONTEST("smolny/ballot/v1/contest"),
    /** A trustee knows a polynomial coefficient (§6.2). */
    COEFFICIENT("smolny/ballot/v1/coefficient"),
    /** A trustee knows the secret of its share-transport key (§6.3). */
    TRANSPORT_KEY("smolny/ballot/v1/transport-key"),
    /** A voter's credential signs a ballot (§7.2). */
    CREDENTIAL_SIGNATURE("smolny/ballot/v1/credential-signature"),
    /** A partial decryption uses the trustee's share (§8.2). */
    PARTIAL_DECRYPTION("smolny/ballot/v1/partial-decryption");

    private final String text;

    ProofLabel(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    byte[] bytes() {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
