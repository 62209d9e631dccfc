package org.smolny.record.note;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a reader trusts, looked up by (key name, key id): a signature matches a verifier only if
 * both are equal (C2SP signed-note). Immutable and safe to share between threads.
 */
public final class NoteVerifiers {

    private record Handle(String name, KeyId keyId) {
    }

    private final Map<Handle, NoteVerifier> byHandle;

    private NoteVerifiers(Map<Handle, NoteVerifier> byHandle) {
        this.byHandle = byHandle;
    }

    /** A set of verifiers; two verifiers with the same name and key id are refused. */
    public static NoteVerifiers of(Collection<? extends NoteVerifier> verifiers) {
        Map<Handle, NoteVerifier> map = new LinkedHashMap<>();
        for (NoteVerifier verifier : verifiers) {
            Handle handle = new Handle(verifier.name(), verifier.keyId());
            if (map.putIfAbsent(handle, verifier) != null) {
                throw new IllegalArgumentException("two verifier keys share the name '" + verifier.name()
                        + "' and key id " + verifier.keyId().hex());
            }
        }
        return new NoteVerifiers(Map.copyOf(map));
    }

    public static NoteVerifiers of(NoteVerifier... verifiers) {
        return of(List.of(verifiers));
    }

    /** The verifier for this name and key id, if trusted. */
    public Optional<NoteVerifier> find(String name, KeyId keyId) {
        return Optional.ofNullable(byHandle.get(new Handle(name, keyId)));
    }

    /** Every trusted verifier. */
    public List<NoteVerifier> all() {
        return new ArrayList<>(byHandle.values());
    }
}
