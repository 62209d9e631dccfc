// The browser's ballot script checked against the SAME test vectors as the Java `ballot` module
// (ballot/src/test/resources/vectors/, ballot spec §12): every valid case is reproduced byte for byte, every mutated
// case is rejected. Run with `node --test web/src/test/js/` (the web module's Maven build does it when node exists).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ballot from '../../main/resources/org/smolny/web/static/ballot/smolny-ballot.mjs';

const VECTORS = new URL('../../../../ballot/src/test/resources/vectors/', import.meta.url);
const read = (name) => JSON.parse(readFileSync(fileURLToPath(new URL(name, VECTORS)), 'utf8'));

const group = read('group.json');
const fiatShamir = read('fiat-shamir.json');
const elgamal = read('elgamal.json');
const proofs = read('proofs.json');
const ballots = read('ballot.json');

const G = ballot.decodeElementHex(group.generator);

function transcriptOf(items) {
  const t = new ballot.Transcript();
  for (const item of items) {
    switch (item.type) {
      case 'element': t.element(ballot.decodeElementHex(item.value)); break;
      case 'scalar': t.scalar(ballot.decodeScalarHex(item.value)); break;
      case 'integer': t.integer(BigInt(item.value)); break;
      case 'bytes': t.bytes(ballot.fromHex(item.value)); break;
      case 'text': t.text(item.value); break;
      default: throw new Error(`unknown transcript item type ${item.type}`);
    }
  }
  return t;
}

const ciphertextOf = (json) => ({ alpha: ballot.decodeElementHex(json.alpha), beta: ballot.decodeElementHex(json.beta) });
const branchesOf = (json) => json.map((b) => ({
  a: ballot.decodeElementHex(b.a), b: ballot.decodeElementHex(b.b), c: ballot.decodeScalarHex(b.c), v: ballot.decodeScalarHex(b.v),
}));
const branchesJson = (branches) => branches.map((b) => ({
  a: ballot.elementHex(b.a), b: ballot.elementHex(b.b), c: ballot.scalarHex(b.c), v: ballot.scalarHex(b.v),
}));

// A source handing out the prover's randomness of a proof vector in the order the prover draws it.
function proverRandom(randomness, allowed, plaintext) {
  const draws = [randomness.u];
  for (let j = 0; j < allowed.length; j++) {
    if (allowed[j] === plaintext) continue;
    const simulated = randomness.simulated.find((s) => s.branch === j);
    draws.push(simulated.c, simulated.v);
  }
  return ballot.fixedRandom(draws);
}

test('group: the order, the generator and k·G for fixed k match the vectors', () => {
  assert.equal(ballot.ORDER.toString(16), group.order);
  for (const { k, kG } of group.multiples) {
    const point = G.multiply(ballot.decodeScalarHex(k));
    assert.equal(ballot.elementHex(point), kG);
  }
});

test('group: every invalid element encoding and every invalid scalar is refused', () => {
  assert.ok(group.invalidElements.length >= 7);
  for (const { description, encoding } of group.invalidElements) {
    assert.throws(() => ballot.decodeElementHex(encoding), ballot.BallotFormatError, description);
  }
  for (const { description, encoding } of group.invalidScalars) {
    assert.throws(() => ballot.decodeScalarHex(encoding), ballot.BallotFormatError, description);
  }
});

test('fiat-shamir: transcripts and challenges are byte for byte those of the Java helper', () => {
  const hm = ballot.fromHex(fiatShamir.manifestHash);
  assert.ok(fiatShamir.cases.length >= 3);
  for (const c of fiatShamir.cases) {
    const statement = transcriptOf(c.statement);
    const commitments = transcriptOf(c.commitments);
    assert.equal(ballot.toHex(statement.toBytes()), c.statementTranscript);
    assert.equal(ballot.toHex(commitments.toBytes()), c.commitmentTranscript);
    assert.equal(ballot.scalarHex(ballot.fiatShamirChallenge(c.label, hm, statement, commitments)), c.challenge);
  }
});

test('fiat-shamir: changing the label, the manifest hash or the statement changes the challenge', () => {
  const c = fiatShamir.cases[0];
  const hm = ballot.fromHex(fiatShamir.manifestHash);
  const other = ballot.fromHex(fiatShamir.manifestHash.replace(/.$/, (d) => (d === '0' ? '1' : '0')));
  const challenge = (label, hash, items) => ballot.scalarHex(
    ballot.fiatShamirChallenge(label, hash, transcriptOf(items), transcriptOf(c.commitments)));
  assert.notEqual(challenge('smolny/ballot/v1/other', hm, c.statement), c.challenge);
  assert.notEqual(challenge(c.label, other, c.statement), c.challenge);
  assert.notEqual(challenge(c.label, hm, c.statement.slice(0, -1)), c.challenge);
});

test('elgamal: encryption with fixed nonces gives the vectors ciphertexts', () => {
  const key = ballot.decodeElementHex(elgamal.publicKey);
  assert.equal(ballot.elementHex(G.multiply(ballot.decodeScalarHex(elgamal.secretKey))), elgamal.publicKey);
  for (const c of elgamal.cases) {
    const ct = ballot.encrypt(key, c.plaintext, ballot.decodeScalarHex(c.nonce));
    assert.equal(ballot.elementHex(ct.alpha), c.alpha, `alpha of plaintext ${c.plaintext}`);
    assert.equal(ballot.elementHex(ct.beta), c.beta, `beta of plaintext ${c.plaintext}`);
  }
});

test('disjunctive proofs: reproduced from the prover randomness and accepted', () => {
  const hm = ballot.fromHex(proofs.manifestHash);
  const key = ballot.decodeElementHex(proofs.electionKey);
  assert.equal(proofs.disjunctive.length, 4);
  for (const v of proofs.disjunctive) {
    const ct = ciphertextOf(v.ciphertext);
    const again = ballot.encrypt(key, v.plaintext, ballot.decodeScalarHex(v.nonce));
    assert.equal(ballot.elementHex(again.alpha), v.ciphertext.alpha, v.description);
    const proof = ballot.proveDisjunctive(v.label, hm, key, ct, v.allowed, v.plaintext, ballot.decodeScalarHex(v.nonce),
      transcriptOf(v.context), proverRandom(v.proverRandomness, v.allowed, v.plaintext));
    assert.deepEqual(branchesJson(proof), v.proof, v.description);
    assert.ok(ballot.verifyDisjunctive(v.label, hm, key, ct, v.allowed, transcriptOf(v.context), branchesOf(v.proof)), v.description);
  }
});

test('disjunctive proofs: every mutated case is rejected', () => {
  const hm = ballot.fromHex(proofs.manifestHash);
  const key = ballot.decodeElementHex(proofs.electionKey);
  let rejected = 0;
  for (const v of proofs.disjunctive) {
    for (const bad of v.invalid) {
      let accepted;
      try {
        accepted = ballot.verifyDisjunctive(v.label, hm, key, ciphertextOf(bad.ciphertext), v.allowed,
          transcriptOf(bad.context), branchesOf(bad.proof));
      } catch (e) {
        assert.ok(e instanceof ballot.BallotFormatError, `${v.description} / ${bad.description}: ${e}`);
        accepted = false;
      }
      assert.equal(accepted, false, `${v.description} / ${bad.description}`);
      rejected++;
    }
  }
  assert.ok(rejected >= 20, `only ${rejected} mutated proofs`);
});

test('schnorr proofs: reproduced, accepted, and every mutated case rejected', () => {
  const hm = ballot.fromHex(proofs.manifestHash);
  for (const v of proofs.schnorr) {
    const publicKey = ballot.decodeElementHex(v.publicKey);
    const proof = ballot.proveSchnorr(v.label, hm, publicKey, ballot.decodeScalarHex(v.secret), transcriptOf(v.context),
      ballot.fixedRandom([v.proverRandomness.u]));
    assert.deepEqual({ commitment: ballot.elementHex(proof.commitment), response: ballot.scalarHex(proof.response) }, v.proof);
    const parsed = { commitment: ballot.decodeElementHex(v.proof.commitment), response: ballot.decodeScalarHex(v.proof.response) };
    assert.ok(ballot.verifySchnorr(v.label, hm, publicKey, transcriptOf(v.context), parsed), v.description);
    assert.ok(v.invalid.length >= 3);
    for (const bad of v.invalid) {
      const badProof = { commitment: ballot.decodeElementHex(bad.proof.commitment), response: ballot.decodeScalarHex(bad.proof.response) };
      assert.equal(ballot.verifySchnorr(v.label, hm, ballot.decodeElementHex(bad.publicKey), transcriptOf(bad.context), badProof),
        false, `${v.description} / ${bad.description}`);
    }
  }
});

test('chaum-pedersen proofs of partial decryptions: accepted, and every mutated case rejected', () => {
  const hm = ballot.fromHex(proofs.manifestHash);
  const label = 'smolny/ballot/v1/partial-decryption';
  const cp = (json) => ({ a: ballot.decodeElementHex(json.a), b: ballot.decodeElementHex(json.b), v: ballot.decodeScalarHex(json.v) });
  for (const v of proofs.chaumPedersen) {
    const [X, A, M] = [v.key, v.base, v.result].map((h) => ballot.decodeElementHex(h));
    assert.equal(ballot.elementHex(A.multiply(ballot.decodeScalarHex(v.secret))), v.result);
    assert.ok(ballot.verifyChaumPedersen(label, hm, X, A, M, transcriptOf(v.context), cp(v.proof)), v.description);
    for (const bad of v.invalid) {
      assert.equal(ballot.verifyChaumPedersen(label, hm, X, A, ballot.decodeElementHex(bad.result), transcriptOf(v.context), cp(bad.proof)),
        false, `${v.description} / ${bad.description}`);
    }
  }
});

test('manifest: the canonical JSON hashes to the vectors manifest hash, and the contests rules are read', () => {
  const { manifest, hash } = ballot.readManifest(ballots.manifestCanonicalJson);
  assert.equal(ballot.toHex(hash), ballots.manifestHash);
  assert.deepEqual(ballot.allowedSums(manifest.contests[0]), [1]);
  assert.equal(ballot.allowedSums(manifest.contests[1]), null);
  assert.ok(ballot.acceptsMarks(manifest.contests[0], [0, 1, 0]));
  assert.ok(!ballot.acceptsMarks(manifest.contests[0], [1, 1, 0]));
  assert.ok(!ballot.acceptsMarks(manifest.contests[0], [0, 0, 0]));
});

test('ballots: encrypted from the recorded draws they equal the vectors, with the same hash and tracking codes', () => {
  const { manifest, hash: hm } = ballot.readManifest(ballots.manifestCanonicalJson);
  const key = ballot.decodeElementHex(ballots.electionKey);
  let code = ballot.firstTrackingCode(hm);
  assert.equal(ballot.toHex(code), ballots.trackingCode0);
  for (const v of ballots.ballots) {
    const random = ballot.fixedRandom(v.randomDraws);
    const encrypted = ballot.encryptBallot({
      manifest, manifestHash: hm, electionKey: key, credentialSecret: ballot.decodeScalarHex(v.credentialSecret), marks: v.marks, random,
    });
    assert.equal(random.used(), v.randomDraws.length, 'every recorded draw is used, in order');
    assert.deepEqual(ballot.ballotToJson(encrypted.ballot), v.ballot);
    assert.equal(ballot.toHex(encrypted.hash), v.ballotHash);
    code = ballot.nextTrackingCode(code, encrypted.hash);
    assert.equal(ballot.toHex(code), v.trackingCode);
    const parsed = ballot.ballotFromJson(v.ballot);
    assert.equal(ballot.toHex(ballot.ballotHash(hm, parsed)), v.ballotHash);
    assert.equal(ballot.checkBallot(manifest, hm, key, parsed), null);
    assert.equal(ballot.checkOpening(manifest, key, parsed, encrypted.opening), null);
  }
});

// Every string leaf of a JSON value with its path, to mutate one at a time.
function hexLeaves(value, path = []) {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => hexLeaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => hexLeaves(v, [...path, k]));
  return [];
}

function withLastBitFlipped(json, path) {
  const copy = structuredClone(json);
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step];
  const last = path[path.length - 1];
  const hex = parent[last];
  parent[last] = hex.slice(0, -1) + (parseInt(hex.slice(-1), 16) ^ 1).toString(16);
  return copy;
}

test('ballots: flipping the last bit of any hex field of a ballot makes it rejected', () => {
  const { manifest, hash: hm } = ballot.readManifest(ballots.manifestCanonicalJson);
  const key = ballot.decodeElementHex(ballots.electionKey);
  let mutants = 0;
  for (const v of ballots.ballots) {
    for (const path of hexLeaves(v.ballot)) {
      const mutant = withLastBitFlipped(v.ballot, path);
      let problem;
      try {
        problem = ballot.checkBallot(manifest, hm, key, ballot.ballotFromJson(mutant));
      } catch (e) {
        assert.ok(e instanceof ballot.BallotFormatError, `${path.join('.')}: ${e}`);
        problem = e.message;
      }
      assert.notEqual(problem, null, `mutated ${path.join('.')} was accepted`);
      mutants++;
    }
  }
  assert.ok(mutants >= 90, `only ${mutants} mutants`); // 47 hex fields in each of the two ballots
});

test('ballots: an opening with another plaintext or nonce does not open the ballot (Benaloh)', () => {
  const { manifest, hash: hm } = ballot.readManifest(ballots.manifestCanonicalJson);
  const key = ballot.decodeElementHex(ballots.electionKey);
  const v = ballots.ballots[0];
  const encrypted = ballot.encryptBallot({
    manifest, manifestHash: hm, electionKey: key, credentialSecret: ballot.decodeScalarHex(v.credentialSecret),
    marks: v.marks, random: ballot.fixedRandom(v.randomDraws),
  });
  const otherMarks = structuredClone(encrypted.opening);
  otherMarks.plaintexts[0] = [1, 0, 0];
  assert.notEqual(ballot.checkOpening(manifest, key, encrypted.ballot, otherMarks), null);
  const otherNonce = { plaintexts: encrypted.opening.plaintexts, nonces: encrypted.opening.nonces.map((row) => row.slice()) };
  otherNonce.nonces[1][0] = otherNonce.nonces[1][0] + 1n;
  assert.notEqual(ballot.checkOpening(manifest, key, encrypted.ballot, otherNonce), null);
});

test('ballots: marks that break a contest rule are refused before anything is encrypted', () => {
  const { manifest, hash: hm } = ballot.readManifest(ballots.manifestCanonicalJson);
  const key = ballot.decodeElementHex(ballots.electionKey);
  assert.throws(() => ballot.encryptBallot({
    manifest, manifestHash: hm, electionKey: key, credentialSecret: 5n, marks: [[1, 1, 0], [1]],
  }), /not valid for contest chair/);
});

test('ballots: with the device randomness two encryptions of the same choice differ and both verify', () => {
  const { manifest, hash: hm } = ballot.readManifest(ballots.manifestCanonicalJson);
  const key = ballot.decodeElementHex(ballots.electionKey);
  const secret = ballot.secureRandom.secret();
  const one = ballot.encryptBallot({ manifest, manifestHash: hm, electionKey: key, credentialSecret: secret, marks: [[0, 0, 1], [0]] });
  const two = ballot.encryptBallot({ manifest, manifestHash: hm, electionKey: key, credentialSecret: secret, marks: [[0, 0, 1], [0]] });
  assert.notEqual(ballot.toHex(one.hash), ballot.toHex(two.hash));
  assert.equal(ballot.checkBallot(manifest, hm, key, ballot.ballotFromJson(ballot.ballotToJson(one.ballot))), null);
  assert.equal(ballot.checkBallot(manifest, hm, key, two.ballot), null);
});
