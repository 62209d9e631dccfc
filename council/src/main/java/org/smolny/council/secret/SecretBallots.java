package org.smolny.council.secret;

import org.smolny.ballot.encrypt.Manifest;
import org.smolny.ballot.group.GroupElement;
import org.smolny.ballot.record.JointKeyRecord;
import org.smolny.council.congress.CongressId;
import org.smolny.council.election.ElectionId;
import org.smolny.council.event.CouncilEvent;
import org.smolny.council.secret.internal.Wire;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every secret ballot of the organisation: a projection of the {@code secret-*} events. Folding checks what the
 * record must hold together: the credential list comes in its announced parts, in order, and the whole list has the
 * announced size and digest; otherwise the record is inconsistent ({@link IllegalStateException} saying what is
 * wrong). Not thread-safe.
 */
public final class SecretBallots {

    private final Map<String, SecretBallot> ballots = new LinkedHashMap<>();
    private final Map<String, Awaited> awaited = new LinkedHashMap<>();

    /** The parts of a ballot's credential list announced at opening, and those folded so far. */
    private record Awaited(int parts, String digest, List<SecretBallotEvent.Credential> received, List<Integer> partsReceived) {
    }

    public Optional<SecretBallot> find(String id) {
        return Optional.ofNullable(ballots.get(id));
    }

    /** Every secret ballot, in the order opened. */
    public Collection<SecretBallot> all() {
        return Collections.unmodifiableCollection(ballots.values());
    }

    /** The secret vote of {@code congress} not yet decided (at most one: a congress votes on one question at a time). */
    public Optional<SecretBallot> undecidedVoteOf(CongressId congress) {
        return ballots.values().stream()
                .filter(ballot -> ballot.question() instanceof SecretBallot.CongressQuestion question && question.congress().equals(congress))
                .filter(ballot -> !(ballot.phase() instanceof SecretBallot.Decrypted))
                .findFirst();
    }

    /** The secret ballot of the election of a mandate not yet decided, if it is being held by secret ballot. */
    public Optional<SecretBallot> undecidedBallotOf(ElectionId election) {
        return ballots.values().stream()
                .filter(ballot -> ballot.question() instanceof SecretBallot.MandateElection question && question.election().equals(election))
                .filter(ballot -> !(ballot.phase() instanceof SecretBallot.Decrypted))
                .findFirst();
    }

    public void apply(CouncilEvent event, Instant at) {
        if (!(event instanceof SecretBallotEvent secret)) {
            return;
        }
        switch (secret) {
            case SecretBallotEvent.SecretVoteOpened opened -> open(opened.ballot(), opened.unit(), new SecretBallot.CongressQuestion(
                    opened.congress(), opened.motion(), opened.amendment(), opened.weighting()), opened.setup());
            case SecretBallotEvent.SecretElectionOpened opened ->
                    open(opened.ballot(), opened.unit(), new SecretBallot.MandateElection(opened.election()), opened.setup());
            case SecretBallotEvent.CredentialsPublished published -> receive(published);
            case SecretBallotEvent.BallotClosed closed -> {
                SecretBallot ballot = expect(closed.ballot(), SecretBallot.Open.class, "closed");
                ballots.put(ballot.id(), ballot.with(new SecretBallot.BoxClosed(closed.boardEntries(), closed.counted(),
                        closed.lastTrackingCode(), Wire.tally(closed.tally(), "the tally of secret ballot " + ballot.id()))));
            }
            case SecretBallotEvent.BallotDecrypted decrypted -> {
                SecretBallot ballot = expect(decrypted.ballot(), SecretBallot.BoxClosed.class, "decrypted");
                SecretBallot.BoxClosed box = (SecretBallot.BoxClosed) ballot.phase();
                ballots.put(ballot.id(), ballot.with(new SecretBallot.Decrypted(box.boardEntries(), box.counted(),
                        box.lastTrackingCode(), box.tally(), decrypted.trustees(), decrypted.counts())));
            }
        }
    }

    /** The ballot {@code id}, which must stand in {@code phase} for the event; otherwise the record is inconsistent. */
    private SecretBallot expect(String id, Class<? extends SecretBallot.Phase> phase, String what) {
        SecretBallot ballot = ballots.get(id);
        if (ballot == null || !phase.isInstance(ballot.phase())) {
            throw new IllegalStateException("secret ballot " + id + " is recorded " + what + ", but "
                    + (ballot == null ? "it was never opened" : "it is " + ballot.phase().getClass().getSimpleName()
                    + ", not " + phase.getSimpleName()));
        }
        return ballot;
    }

    private void open(String id, org.smolny.council.unit.UnitId unit, SecretBallot.Question question, SecretBallotEvent.Setup setup) {
        Manifest manifest = Manifest.parse(setup.manifest().getBytes(StandardCharsets.UTF_8));
        Map<Integer, GroupElement> keys = new TreeMap<>();
        for (int index = 0; index < setup.verificationKeys().size(); index++) {
            keys.put(index + 1, Wire.element(setup.verificationKeys().get(index), "verification key " + (index + 1)));
        }
        JointKeyRecord key = new JointKeyRecord(Wire.element(setup.jointKey(), "the joint key"), keys);
        ballots.put(id, new SecretBallot(id, unit, question, manifest, setup.tellers(), key, List.of(), setup.credentials(),
                new SecretBallot.Open()));
        awaited.put(id, new Awaited(setup.parts(), setup.credentialsDigest(), new ArrayList<>(), new ArrayList<>()));
    }

    private void receive(SecretBallotEvent.CredentialsPublished published) {
        Awaited expected = awaited.get(published.ballot());
        SecretBallot ballot = ballots.get(published.ballot());
        if (expected == null || ballot == null) {
            throw new IllegalStateException("credentials of secret ballot " + published.ballot()
                    + " published, but no opened ballot awaits them");
        }
        int next = expected.partsReceived().size() + 1;
        if (published.part() != next || published.part() > expected.parts()) {
            throw new IllegalStateException("part " + published.part() + " of the credentials of secret ballot " + published.ballot()
                    + " is out of order: part " + next + " of " + expected.parts() + " was next");
        }
        expected.partsReceived().add(published.part());
        expected.received().addAll(published.credentials());
        ballots.put(ballot.id(), ballot.withCredentials(Wire.credentials(published.credentials(),
                "part " + published.part() + " of the credentials of secret ballot " + ballot.id())));
        if (published.part() == expected.parts()) {
            if (expected.received().size() != ballot.announced()) {
                throw new IllegalStateException("secret ballot " + ballot.id() + " announced " + ballot.announced()
                        + " credentials; its parts hold " + expected.received().size());
            }
            if (!Wire.digest(expected.received()).equals(expected.digest())) {
                throw new IllegalStateException("the credentials of secret ballot " + ballot.id()
                        + " in their parts do not have the digest its opening announced");
            }
            awaited.remove(ballot.id());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretBallots that && ballots.equals(that.ballots) && awaited.equals(that.awaited);
    }

    @Override
    public int hashCode() {
        return ballots.keySet().hashCode();
    }
}
