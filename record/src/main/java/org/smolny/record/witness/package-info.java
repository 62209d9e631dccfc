/**
 * Witnesses of the record: C2SP tlog-cosignature v1 cosignatures ({@link org.smolny.record.witness.Cosigner},
 * {@link org.smolny.record.witness.CosignatureVerifier}), the C2SP tlog-witness {@code add-checkpoint} server
 * ({@link org.smolny.record.witness.Witness}, {@link org.smolny.record.witness.WitnessServer}), and the log's
 * side: {@link org.smolny.record.witness.WitnessClient} and the k-of-N
 * {@link org.smolny.record.witness.Witnessing} policy, which stops the log with a
 * {@link org.smolny.record.witness.LogHaltException} when a witness proves its database went back in time.
 * Readers check cosigned checkpoints with {@link org.smolny.record.witness.CosignaturePolicy}.
 */
package org.smolny.record.witness;
