package org.smolny.ballot.keyceremony;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smolny.ballot.group.SecretScalar;

/**
 * Everything trustee i keeps on its own machine (ballot spec §6.1): the polynomial coefficients aᵢ,₀ … aᵢ,ₖ₋₁, the
 * transport secret tᵢ, and after the ceremony its key share xᵢ. Never printed (see {@link #toString}). Immutable.
 */
public record TrusteeSecrets(int index, List<SecretScalar> coefficients, SecretScalar transportSecret,
                             Optional<SecretScalar> keyShare) {
    public TrusteeSecrets {
        coefficients = List.copyOf(coefficients);
        Objects.requireNonNull(transportSecret, "transportSecret");
        Objects.requireNonNull(keyShare, "keyShare");
        if (coefficients.isEmpty()) {
            throw new IllegalArgumentException("a trustee's polynomial has at least one coefficient");
        }
    }

    public TrusteeSecrets withKeyShare(SecretScalar share) {
        return new TrusteeSecrets(index, coefficients, transportSecret, Optional.of(share));
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "TrusteeSecrets[index=" + index + ", secrets redacted]";
    }
}
