package org.smolny.verify.election;

/** The numbered checks of the independent verifier, as listed in ballot spec §11. */
public enum Check {
    E1(1, "the manifest parses and is in canonical form"),
    E2(2, "the ceremony has one announcement per trustee 1..n, each with k commitments"),
    E3(3, "every transport-key and coefficient Schnorr proof of the ceremony holds"),
    E4(4, "every trustee sent exactly one encrypted share to every other trustee"),
    E5(5, "every trustee confirmed the joint key and its own verification key as computed from the commitments"),
    E6(6, "joint-key.json holds K = product of the constant commitments and every X_j of eq 35"),
    E7(7, "the credential list parses and has no duplicate credential"),
    E8(8, "every board line parses as a board entry"),
    E9(9, "every ballot's credential is on the published credential list"),
    E10(10, "every ballot's shape matches the manifest"),
    E11(11, "every ballot's credential signature holds"),
    E12(12, "every selection's 0/1 proof holds"),
    E13(13, "every contest's range proof holds"),
    E14(14, "the tracking codes chain along the board"),
    E15(15, "no ballot appears twice on the board"),
    E16(16, "every challenged ballot's opening re-encrypts to the ballot and respects the contest rules"),
    E17(17, "the encrypted tally is the weighted product of each credential's last cast ballot"),
    E18(18, "every partial decryption's Chaum-Pedersen proofs hold against the trustee's verification key"),
    E19(19, "at least k distinct trustees with valid partial decryptions were combined"),
    E20(20, "the published counts are the decryption of the tally"),
    E21(21, "every voter's tracking code (receipt) is on the board"),
    E22(22, "the public record's export verifies from scratch and its checkpoints carry the log's signature"),
    E23(23, "the record's checkpoint is cosigned by at least the threshold of the given witnesses"),
    E24(24, "every board entry is a ballot entry of this election on the signed record"),
    E25(25, "every ballot entry of this election on the signed record is on the board"),
    E26(26, "the board is in the record's order"),
    E27(27, "the signed checkpoint covers the whole board");

    private final int number;
    private final String description;

    Check(int number, String description) {
        this.number = number;
        this.description = description;
    }

    public int number() {
        return number;
    }

    public String description() {
        return description;
    }
}
