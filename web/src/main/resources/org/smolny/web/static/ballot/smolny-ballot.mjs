// Smolny ballot encryption for the voter's device (docs/spec/ballot.md; docs/voting.md).
//
// Exponential ElGamal on P-256, the disjunctive 0/1 proof of every selection and the range proof of every contest,
// the ballot hash, the credential signature, tracking codes and the Benaloh opening, with every byte encoded exactly
// as the specification says, so that the Java `ballot` module and the independent verifier accept what this produces.
// Curve and field arithmetic, SHA-256 and SHA-512 come from @noble/curves and @noble/hashes (audited), bundled in
// ./vendor/noble-p256.mjs; randomness from crypto.getRandomValues. Nothing here talks to the network.

import { p256, sha256, sha512 } from './vendor/noble-p256.mjs';

const Point = p256.Point;
/** The order q of the group (spec §2.1). */
export const ORDER = Point.Fn.ORDER;
const FIELD_PRIME = Point.Fp.ORDER;
const G = Point.BASE;
const ENCODER = new TextEncoder();
const ZERO_OR_ONE = Object.freeze([0, 1]);

/** Table 1 of spec §3: the Fiat–Shamir labels used by ballots. */
export const LABELS = Object.freeze({
  selection: 'smolny/ballot/v1/selection',
  contest: 'smolny/ballot/v1/contest',
  credentialSignature: 'smolny/ballot/v1/credential-signature',
});

/** A value read from outside (hex, a point, a scalar, a ballot) that the specification does not allow. */
export class BallotFormatError extends Error {
  constructor(message) {
    super(message);
    this.name = 'BallotFormatError';
  }
}

// ---- bytes and hex

export function toHex(bytes) {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function fromHex(hex, what = 'value') {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) {
    throw new BallotFormatError(`${what} must be lowercase hexadecimal with an even number of digits`);
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(2 * i, 2), 16);
  return out;
}

function concat(parts) {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function u32(n) {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, false);
  return out;
}

function u64(n) {
  const value = BigInt(n);
  if (value < 0n || value >= 1n << 64n) throw new BallotFormatError(`${n} does not fit in 64 bits`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, value, false);
  return out;
}

function bigFromBytes(bytes) {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function bytesFromBig(value, length) {
  const out = new Uint8Array(length);
  let v = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

const mod = (a) => ((a % ORDER) + ORDER) % ORDER;

// ---- group encodings (spec §2.2, §2.3)

/** Decodes a group element: 65 bytes 0x04 ‖ X ‖ Y, coordinates below p, on the curve; the identity is refused. */
export function decodeElement(bytes, what = 'element') {
  if (bytes.length !== 65) throw new BallotFormatError(`${what} must be 65 bytes, got ${bytes.length}`);
  if (bytes[0] !== 0x04) {
    throw new BallotFormatError(`${what} must be SEC 1 uncompressed (first byte 04), got ${bytes[0].toString(16).padStart(2, '0')}`);
  }
  const x = bigFromBytes(bytes.subarray(1, 33));
  const y = bigFromBytes(bytes.subarray(33, 65));
  if (x >= FIELD_PRIME || y >= FIELD_PRIME) throw new BallotFormatError(`${what} has a coordinate not below p`);
  try {
    return Point.fromBytes(bytes);
  } catch (e) {
    throw new BallotFormatError(`${what} is not a point on P-256`);
  }
}

export function decodeElementHex(hex, what = 'element') {
  return decodeElement(fromHex(hex, what), what);
}

/** The encoding of spec §2.2: 65 bytes, or the single byte 00 for the identity. */
export function encodeElement(point) {
  return point.is0() ? Uint8Array.of(0) : point.toBytes(false);
}

export function elementHex(point) {
  return toHex(encodeElement(point));
}

/** Decodes a scalar: exactly 32 bytes big-endian, below q. */
export function decodeScalar(bytes, what = 'scalar') {
  if (bytes.length !== 32) throw new BallotFormatError(`${what} must be 32 bytes, got ${bytes.length}`);
  const v = bigFromBytes(bytes);
  if (v >= ORDER) throw new BallotFormatError(`${what} is not below the group order q`);
  return v;
}

export function decodeScalarHex(hex, what = 'scalar') {
  return decodeScalar(fromHex(hex, what), what);
}

export function encodeScalar(value) {
  return bytesFromBig(mod(value), 32);
}

export function scalarHex(value) {
  return toHex(encodeScalar(value));
}

// g^m for a small public m (0 gives the identity, which noble's multiply refuses).
function generatorPower(m) {
  const e = mod(BigInt(m));
  return e === 0n ? Point.ZERO : G.multiplyUnsafe(e);
}

// P^k for a public exponent k (variable time).
function powerPublic(point, k) {
  const e = mod(k);
  return e === 0n || point.is0() ? Point.ZERO : point.multiplyUnsafe(e);
}

// P^x for a secret x in [1, q): noble's constant-time multiplier (spec §2.5 in the browser). For g and for an election
// key prepared by prepareElectionKey, it uses a precomputed table of the point.
function powerSecret(point, x) {
  return point.multiply(x);
}

const PRECOMPUTE_WINDOW = 8;
G.precompute(PRECOMPUTE_WINDOW, false);

/**
 * Decodes the election key K and precomputes its multiples (a few tens of milliseconds, once per page), so that every
 * K^r and K^u of a ballot costs about as much as g^r.
 */
export function prepareElectionKey(hex) {
  const key = decodeElementHex(hex, 'the election key');
  key.precompute(PRECOMPUTE_WINDOW, false);
  return key;
}

// ---- randomness (spec §2.4)

/**
 * The randomness of the voter's device: 32 bytes from crypto.getRandomValues, accepted if 1 ≤ v < q (rejection
 * sampling), exactly as the Java implementation draws its secrets.
 */
export const secureRandom = Object.freeze({
  secret() {
    const buffer = new Uint8Array(32);
    for (;;) {
      globalThis.crypto.getRandomValues(buffer);
      const v = bigFromBytes(buffer);
      buffer.fill(0);
      if (v > 0n && v < ORDER) return v;
    }
  },
});

/**
 * A source that returns the given 32-byte values (hex) in order, with the same rejection rule: the draws of a test
 * vector (spec §12, `randomDraws`), so that an encryption can be reproduced byte for byte.
 */
export function fixedRandom(drawsHex) {
  let next = 0;
  return {
    secret() {
      for (;;) {
        if (next >= drawsHex.length) throw new Error('the fixed random draws are used up');
        const v = bigFromBytes(fromHex(drawsHex[next++], 'random draw'));
        if (v > 0n && v < ORDER) return v;
      }
    },
    used() {
      return next;
    },
  };
}

// ---- transcripts and the Fiat–Shamir helper (spec §3)

/** A list of typed items (spec §3 eq 1): tag ‖ u32(length) ‖ bytes. */
export class Transcript {
  #parts = [];
  #count = 0;

  #item(tag, bytes) {
    this.#parts.push(Uint8Array.of(tag), u32(bytes.length), bytes);
    this.#count++;
    return this;
  }

  element(point) {
    return this.#item(0x01, encodeElement(point));
  }

  scalar(value) {
    return this.#item(0x02, encodeScalar(value));
  }

  integer(value) {
    return this.#item(0x03, u64(value));
  }

  bytes(bytes) {
    return this.#item(0x04, bytes);
  }

  text(text) {
    return this.#item(0x05, ENCODER.encode(text));
  }

  append(other) {
    this.#parts.push(other.toBytes());
    this.#count += other.count;
    return this;
  }

  get count() {
    return this.#count;
  }

  toBytes() {
    return concat(this.#parts);
  }
}

const DOMAIN = ENCODER.encode('smolny-ballot-fiat-shamir-v1');
const GROUP_NAME = ENCODER.encode('P-256');

function field(bytes) {
  return [u32(bytes.length), bytes];
}

/**
 * The one Fiat–Shamir helper (spec §3 eq 2): SHA-512 over the domain, the label, the group, the manifest hash, the
 * statement and the commitments, each length-prefixed, reduced mod q.
 */
export function fiatShamirChallenge(label, manifestHash, statement, commitments) {
  if (statement.count === 0 || commitments.count === 0) {
    throw new Error('a Fiat–Shamir challenge needs a statement and commitments');
  }
  const input = concat([
    ...field(DOMAIN),
    ...field(ENCODER.encode(label)),
    ...field(GROUP_NAME),
    ...field(manifestHash),
    ...field(statement.toBytes()),
    ...field(commitments.toBytes()),
  ]);
  return bigFromBytes(sha512(input)) % ORDER;
}

// ---- exponential ElGamal (spec §5.1)

/** Enc_K(m; r) = (g^r, g^m · K^r) (eq 20). */
export function encrypt(key, m, r) {
  return { alpha: powerSecret(G, r), beta: generatorPower(m).add(powerSecret(key, r)) };
}

function sameCiphertext(a, b) {
  return a.alpha.equals(b.alpha) && a.beta.equals(b.beta);
}

// ---- proofs (spec §4)

function disjunctiveChallenge(label, manifestHash, key, ciphertext, allowed, extra, a, b) {
  const statement = new Transcript().element(key).element(ciphertext.alpha).element(ciphertext.beta);
  for (const m of allowed) statement.integer(m);
  statement.append(extra);
  const commitments = new Transcript();
  for (let j = 0; j < a.length; j++) commitments.element(a[j]).element(b[j]);
  return fiatShamirChallenge(label, manifestHash, statement, commitments);
}

/**
 * The disjunctive proof that (A, B) encrypts one of `allowed` (spec §4.3 eq 12–16). Draws u, then for each other
 * branch in order its c and v, as the Java prover does.
 */
export function proveDisjunctive(label, manifestHash, key, ciphertext, allowed, plaintext, nonce, extra, random) {
  const real = allowed.indexOf(plaintext);
  if (real < 0) throw new Error(`the plaintext ${plaintext} is not among the allowed values`);
  const n = allowed.length;
  const a = new Array(n);
  const b = new Array(n);
  const c = new Array(n);
  const v = new Array(n);
  const u = random.secret();
  for (let j = 0; j < n; j++) {
    if (j === real) {
      a[j] = powerSecret(G, u);
      b[j] = powerSecret(key, u);
    } else {
      c[j] = random.secret();
      v[j] = random.secret();
      // eq 12: aⱼ = g^vⱼ · A^(−cⱼ), bⱼ = K^vⱼ · (B · g^(−mⱼ))^(−cⱼ). The exponent cⱼ is published in the proof, and
      // every proof does the same work whichever branch is the real one, so these two use the variable-time multiplier.
      a[j] = powerSecret(G, v[j]).add(powerPublic(ciphertext.alpha, ORDER - c[j]));
      const shifted = ciphertext.beta.subtract(generatorPower(allowed[j]));
      b[j] = powerSecret(key, v[j]).add(powerPublic(shifted, ORDER - c[j]));
    }
  }
  const total = disjunctiveChallenge(label, manifestHash, key, ciphertext, allowed, extra, a, b);
  let rest = 0n;
  for (let j = 0; j < n; j++) if (j !== real) rest += c[j];
  c[real] = mod(total - rest); // eq 15
  v[real] = mod(u + c[real] * nonce); // eq 16
  const branches = [];
  for (let j = 0; j < n; j++) branches.push({ a: a[j], b: b[j], c: c[j], v: v[j] });
  return branches;
}

/** Checks a disjunctive proof one equation at a time (spec §4.3 eq 17–19). */
export function verifyDisjunctive(label, manifestHash, key, ciphertext, allowed, extra, branches) {
  if (branches.length !== allowed.length) return false;
  let sum = 0n;
  for (const br of branches) sum += br.c;
  const c = disjunctiveChallenge(label, manifestHash, key, ciphertext, allowed, extra,
    branches.map((br) => br.a), branches.map((br) => br.b));
  if (mod(sum) !== c) return false;
  for (let j = 0; j < branches.length; j++) {
    const { a, b, c: cj, v: vj } = branches[j];
    // eq 18: aⱼ · A^cⱼ · g^(−vⱼ) = 1
    if (!a.add(powerPublic(ciphertext.alpha, cj)).equals(powerPublic(G, vj))) return false;
    // eq 19: bⱼ · B^cⱼ · g^(−mⱼ·cⱼ) · K^(−vⱼ) = 1
    const left = b.add(powerPublic(ciphertext.beta, cj));
    const right = powerPublic(G, BigInt(allowed[j]) * cj).add(powerPublic(key, vj));
    if (!left.equals(right)) return false;
  }
  return true;
}

function schnorrChallenge(label, manifestHash, publicKey, extra, commitment) {
  const statement = new Transcript().element(publicKey).append(extra);
  return fiatShamirChallenge(label, manifestHash, statement, new Transcript().element(commitment));
}

/** Schnorr proof of knowledge of x for X = g^x (spec §4.1 eq 3–5). */
export function proveSchnorr(label, manifestHash, publicKey, secret, extra, random) {
  const u = random.secret();
  const commitment = powerSecret(G, u);
  const c = schnorrChallenge(label, manifestHash, publicKey, extra, commitment);
  return { commitment, response: mod(u + c * secret) };
}

/** h · X^c · g^(−v) = 1 (spec §4.1 eq 6). */
export function verifySchnorr(label, manifestHash, publicKey, extra, proof) {
  const c = schnorrChallenge(label, manifestHash, publicKey, extra, proof.commitment);
  return proof.commitment.add(powerPublic(publicKey, c)).equals(powerPublic(G, proof.response));
}

/** Chaum–Pedersen proof check (spec §4.2 eq 8, 10, 11), for partial decryptions. */
export function verifyChaumPedersen(label, manifestHash, X, A, M, extra, proof) {
  const statement = new Transcript().element(X).element(A).element(M).append(extra);
  const c = fiatShamirChallenge(label, manifestHash, statement, new Transcript().element(proof.a).element(proof.b));
  return proof.a.add(powerPublic(X, c)).equals(powerPublic(G, proof.v))
    && proof.b.add(powerPublic(M, c)).equals(powerPublic(A, proof.v));
}

// ---- manifest (spec §1)

/** The manifest parsed from its canonical JSON bytes, with its hash Hm = SHA-256(bytes) (eq 0). */
export function readManifest(canonicalJson) {
  const bytes = typeof canonicalJson === 'string' ? ENCODER.encode(canonicalJson) : canonicalJson;
  const manifest = JSON.parse(new TextDecoder().decode(bytes));
  if (manifest.v !== 1 || manifest.group !== 'P-256' || !Array.isArray(manifest.contests) || manifest.contests.length === 0) {
    throw new BallotFormatError('the manifest is not a version 1 P-256 manifest with contests');
  }
  for (const c of manifest.contests) {
    if (!Array.isArray(c.selections) || c.selections.length === 0 || !Number.isInteger(c.limit)
      || c.limit < 1 || c.limit > c.selections.length || (c.limitKind !== 'at-most' && c.limitKind !== 'exactly')) {
      throw new BallotFormatError(`contest ${c.id} is malformed`);
    }
  }
  return { manifest, hash: sha256(bytes) };
}

/** The values a contest's range proof allows (spec §5.3), or null when it needs none. */
export function allowedSums(contest) {
  if (contest.limitKind === 'exactly') return [contest.limit];
  if (contest.limit >= contest.selections.length) return null;
  return Array.from({ length: contest.limit + 1 }, (_, i) => i);
}

/** True if the marks (each 0 or 1) respect the contest's limit. */
export function acceptsMarks(contest, marks) {
  if (!Array.isArray(marks) || marks.length !== contest.selections.length) return false;
  let sum = 0;
  for (const m of marks) {
    if (m !== 0 && m !== 1) return false;
    sum += m;
  }
  return contest.limitKind === 'exactly' ? sum === contest.limit : sum <= contest.limit;
}

// ---- ballots (spec §5.2, §5.3, §7)

function selectionStatement(credential, contest, selection) {
  return new Transcript().element(credential).integer(contest).integer(selection); // eq 24
}

function contestStatement(credential, contest) {
  return new Transcript().element(credential).integer(contest); // eq 25
}

function contestSum(selections) {
  let alpha = Point.ZERO;
  let beta = Point.ZERO;
  for (const s of selections) {
    alpha = alpha.add(s.ciphertext.alpha);
    beta = beta.add(s.ciphertext.beta);
  }
  return { alpha, beta };
}

function hashProof(t, branches) {
  t.integer(branches.length);
  for (const br of branches) t.element(br.a).element(br.b).scalar(br.c).scalar(br.v);
}

/** The ballot hash hb (spec §7.2 eq 36). */
export function ballotHash(manifestHash, ballot) {
  const t = new Transcript().text('smolny/ballot/v1/ballot').bytes(manifestHash).element(ballot.credential)
    .integer(ballot.contests.length);
  for (const contest of ballot.contests) {
    t.integer(contest.selections.length);
    for (const s of contest.selections) {
      t.element(s.ciphertext.alpha).element(s.ciphertext.beta);
      hashProof(t, s.proof);
    }
    t.integer(contest.proof ? 1 : 0);
    if (contest.proof) hashProof(t, contest.proof);
  }
  return sha256(t.toBytes());
}

/** The voter's public credential U = g^u (spec §7.1). */
export function publicCredential(credentialSecret) {
  return powerSecret(G, credentialSecret);
}

/**
 * Encrypts and signs a ballot (spec §5, §7.2). `marks[i][j]` is 0 or 1. Returns the ballot (points and scalars), its
 * hash, and the opening (plaintexts and nonces) for a Benaloh challenge. Random draws, in order: per selection r, then
 * the 0/1 proof's u and the other branch's (c, v); per contest needing a range proof, u and each other branch's
 * (c, v); last the signature's u — the order of the test vectors.
 */
export function encryptBallot({ manifest, manifestHash, electionKey, credentialSecret, marks, random = secureRandom }) {
  if (!Array.isArray(marks) || marks.length !== manifest.contests.length) {
    throw new Error(`the ballot has ${marks?.length} contests, the manifest ${manifest.contests.length}`);
  }
  const credential = publicCredential(credentialSecret);
  const contests = [];
  const nonces = [];
  for (let i = 0; i < marks.length; i++) {
    const contest = manifest.contests[i];
    if (!acceptsMarks(contest, marks[i])) throw new Error(`the marks ${JSON.stringify(marks[i])} are not valid for contest ${contest.id}`);
    const selections = [];
    const contestNonces = [];
    let nonceSum = 0n;
    let sum = 0;
    for (let j = 0; j < marks[i].length; j++) {
      const m = marks[i][j];
      const r = random.secret();
      const ciphertext = encrypt(electionKey, m, r);
      const proof = proveDisjunctive(LABELS.selection, manifestHash, electionKey, ciphertext, ZERO_OR_ONE, m, r,
        selectionStatement(credential, i, j), random);
      selections.push({ ciphertext, proof });
      contestNonces.push(r);
      nonceSum = mod(nonceSum + r);
      sum += m;
    }
    const allowed = allowedSums(contest);
    const proof = allowed === null ? null
      : proveDisjunctive(LABELS.contest, manifestHash, electionKey, contestSum(selections), allowed, sum, nonceSum,
        contestStatement(credential, i), random);
    contests.push({ selections, proof });
    nonces.push(contestNonces);
  }
  const unsigned = { credential, contests };
  const hash = ballotHash(manifestHash, unsigned);
  const signature = proveSchnorr(LABELS.credentialSignature, manifestHash, credential, credentialSecret,
    new Transcript().bytes(hash), random);
  return {
    ballot: { credential, contests, signature },
    hash,
    opening: { plaintexts: marks.map((row) => row.slice()), nonces },
  };
}

/**
 * Checks a ballot as the board does (spec §7.4, without the credential list): shape, signature, every 0/1 proof and
 * range proof. Returns null if valid, otherwise what is wrong.
 */
export function checkBallot(manifest, manifestHash, electionKey, ballot) {
  if (ballot.contests.length !== manifest.contests.length) {
    return `the ballot has ${ballot.contests.length} contests, the manifest ${manifest.contests.length}`;
  }
  for (let i = 0; i < ballot.contests.length; i++) {
    const contest = manifest.contests[i];
    const encrypted = ballot.contests[i];
    if (encrypted.selections.length !== contest.selections.length) {
      return `contest ${contest.id} has ${encrypted.selections.length} selections, the manifest ${contest.selections.length}`;
    }
    if ((allowedSums(contest) !== null) !== (encrypted.proof !== null)) {
      return `contest ${contest.id} has its range proof where the manifest says otherwise`;
    }
  }
  const hash = ballotHash(manifestHash, ballot);
  if (!verifySchnorr(LABELS.credentialSignature, manifestHash, ballot.credential, new Transcript().bytes(hash), ballot.signature)) {
    return 'the credential signature is invalid';
  }
  for (let i = 0; i < ballot.contests.length; i++) {
    const encrypted = ballot.contests[i];
    for (let j = 0; j < encrypted.selections.length; j++) {
      const s = encrypted.selections[j];
      if (!verifyDisjunctive(LABELS.selection, manifestHash, electionKey, s.ciphertext, ZERO_OR_ONE,
        selectionStatement(ballot.credential, i, j), s.proof)) {
        return `the 0/1 proof of selection ${j} of contest ${i} is invalid`;
      }
    }
    const allowed = allowedSums(manifest.contests[i]);
    if (allowed !== null && !verifyDisjunctive(LABELS.contest, manifestHash, electionKey, contestSum(encrypted.selections),
      allowed, contestStatement(ballot.credential, i), encrypted.proof)) {
      return `the range proof of contest ${i} is invalid`;
    }
  }
  return null;
}

/** Benaloh check (spec §7.3 eq 39): the opening re-encrypts to the ballot and respects every contest. Null if so. */
export function checkOpening(manifest, electionKey, ballot, opening) {
  if (opening.plaintexts.length !== ballot.contests.length || opening.nonces.length !== ballot.contests.length) {
    return 'the opening does not cover every contest';
  }
  for (let i = 0; i < ballot.contests.length; i++) {
    const selections = ballot.contests[i].selections;
    if (!acceptsMarks(manifest.contests[i], opening.plaintexts[i]) || opening.nonces[i].length !== selections.length) {
      return `the opened marks of contest ${i} break the contest's rules`;
    }
    for (let j = 0; j < selections.length; j++) {
      const r = opening.nonces[i][j];
      if (r <= 0n || r >= ORDER || !sameCiphertext(encrypt(electionKey, opening.plaintexts[i][j], r), selections[j].ciphertext)) {
        return `selection ${j} of contest ${i} does not re-encrypt to the ballot`;
      }
    }
  }
  return null;
}

// ---- tracking codes (spec §7.5)

/** code₀ = SHA-256("smolny/ballot/v1/tracking-code" ‖ Hm) (eq 40). */
export function firstTrackingCode(manifestHash) {
  return sha256(concat([ENCODER.encode('smolny/ballot/v1/tracking-code'), manifestHash]));
}

/** codeₙ = SHA-256(codeₙ₋₁ ‖ hbₙ) (eq 41). */
export function nextTrackingCode(previous, ballotHashBytes) {
  return sha256(concat([previous, ballotHashBytes]));
}

// ---- the record format (spec §10.1, §10.4)

function proofJson(branches) {
  return branches.map((br) => ({ a: elementHex(br.a), b: elementHex(br.b), c: scalarHex(br.c), v: scalarHex(br.v) }));
}

/** The ballot as JSON, exactly as the board and the Java codec write it (spec §10.4). */
export function ballotToJson(ballot) {
  return {
    credential: elementHex(ballot.credential),
    contests: ballot.contests.map((c) => {
      const out = {
        selections: c.selections.map((s) => ({
          alpha: elementHex(s.ciphertext.alpha),
          beta: elementHex(s.ciphertext.beta),
          proof: proofJson(s.proof),
        })),
      };
      if (c.proof) out.proof = proofJson(c.proof);
      return out;
    }),
    signature: { commitment: elementHex(ballot.signature.commitment), response: scalarHex(ballot.signature.response) },
  };
}

function field_(object, name, where) {
  if (object === null || typeof object !== 'object' || !(name in object) || object[name] === null) {
    throw new BallotFormatError(`${where}: missing field "${name}"`);
  }
  return object[name];
}

function proofFromJson(json, where) {
  if (!Array.isArray(json) || json.length === 0 || json.length > 1000) {
    throw new BallotFormatError(`${where}: a disjunctive proof is a list of 1 to 1,000 branches`);
  }
  return json.map((br, j) => ({
    a: decodeElementHex(field_(br, 'a', `${where}[${j}]`), `${where}[${j}].a`),
    b: decodeElementHex(field_(br, 'b', `${where}[${j}]`), `${where}[${j}].b`),
    c: decodeScalarHex(field_(br, 'c', `${where}[${j}]`), `${where}[${j}].c`),
    v: decodeScalarHex(field_(br, 'v', `${where}[${j}]`), `${where}[${j}].v`),
  }));
}

/** Reads a ballot from its JSON (spec §10.4), validating every point and scalar (spec §2). */
export function ballotFromJson(json) {
  const contests = field_(json, 'contests', 'ballot');
  if (!Array.isArray(contests)) throw new BallotFormatError('ballot.contests must be a list');
  const signature = field_(json, 'signature', 'ballot');
  return {
    credential: decodeElementHex(field_(json, 'credential', 'ballot'), 'ballot.credential'),
    contests: contests.map((c, i) => {
      const selections = field_(c, 'selections', `ballot.contests[${i}]`);
      if (!Array.isArray(selections) || selections.length === 0) {
        throw new BallotFormatError(`ballot.contests[${i}]: a contest has at least one selection`);
      }
      return {
        selections: selections.map((s, j) => {
          const where = `ballot.contests[${i}].selections[${j}]`;
          return {
            ciphertext: {
              alpha: decodeElementHex(field_(s, 'alpha', where), `${where}.alpha`),
              beta: decodeElementHex(field_(s, 'beta', where), `${where}.beta`),
            },
            proof: proofFromJson(field_(s, 'proof', where), `${where}.proof`),
          };
        }),
        proof: c.proof === undefined || c.proof === null ? null : proofFromJson(c.proof, `ballot.contests[${i}].proof`),
      };
    }),
    signature: {
      commitment: decodeElementHex(field_(signature, 'commitment', 'ballot.signature'), 'ballot.signature.commitment'),
      response: decodeScalarHex(field_(signature, 'response', 'ballot.signature'), 'ballot.signature.response'),
    },
  };
}

/** The Benaloh opening as JSON (spec §10.4 "reveal"). */
export function openingToJson(opening) {
  return { plaintexts: opening.plaintexts, nonces: opening.nonces.map((row) => row.map(scalarHex)) };
}

export function openingFromJson(json) {
  return {
    plaintexts: field_(json, 'plaintexts', 'reveal'),
    nonces: field_(json, 'nonces', 'reveal').map((row, i) => row.map((n, j) => decodeScalarHex(n, `reveal.nonces[${i}][${j}]`))),
  };
}
