// The voting page (docs/voting.md): reads the choice, encrypts and signs it on this device with smolny-ballot.mjs,
// and sends only the encrypted ballot. The voter then casts it, or challenges it: the opening (marks and nonces) is
// published, checked here, and the voter votes afresh. The plaintext choice never leaves the page except inside a
// challenged ballot's opening, which the voter asked to publish and which is never counted.

import * as ballot from './smolny-ballot.mjs';

const root = document.querySelector('[data-ballot]');
const text = (name) => root.dataset[`text${name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())}`];
const status = root.querySelector('[data-status]');
const encryptButton = root.querySelector('[data-encrypt]');
const encryptedStep = document.querySelector('[data-encrypted]');
const castStep = document.querySelector('[data-cast-done]');
const challengedStep = document.querySelector('[data-challenged]');
const electionId = root.dataset.election;

let election = null; // { manifest, manifestHash, electionKey }
let pending = null; // the encrypted ballot waiting for "cast" or "challenge"

function say(message, kind = '') {
  status.textContent = message;
  status.className = kind ? `notice notice--${kind}` : 'notice';
}

function show(section) {
  for (const s of [encryptedStep, castStep, challengedStep]) s.hidden = s !== section;
  if (section) section.querySelector('h2').focus();
}

function setChoosing(enabled) {
  encryptButton.disabled = !enabled;
  for (const input of root.querySelectorAll('input')) input.disabled = !enabled;
}

async function load() {
  try {
    const response = await fetch(`/api/ballot/${encodeURIComponent(electionId)}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const json = await response.json();
    const { manifest, hash } = ballot.readManifest(json.manifest);
    if (ballot.toHex(hash) !== json.manifestHash) throw new Error('the manifest does not hash to its published hash');
    election = { manifest, manifestHash: hash, electionKey: ballot.prepareElectionKey(json.electionKey) };
    setChoosing(true);
    say(text('ready'));
  } catch (e) {
    say(`${text('load-failed')} (${e.message})`, 'error');
  }
}

function readMarks() {
  return election.manifest.contests.map((contest, i) => {
    const fieldset = root.querySelector(`[data-contest="${i}"]`);
    return contest.selections.map((_, j) => (fieldset.querySelector(`[data-selection="${j}"]`).checked ? 1 : 0));
  });
}

function readCredential() {
  const raw = root.querySelector('[data-credential]').value.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(raw)) return null;
  try {
    const secret = ballot.decodeScalarHex(raw);
    return secret === 0n ? null : secret;
  } catch (e) {
    return null; // not below the group order: not a credential
  }
}

function encryptChoice() {
  const credentialSecret = readCredential();
  if (credentialSecret === null) {
    say(text('bad-credential'), 'error');
    root.querySelector('[data-credential]').focus();
    return;
  }
  const marks = readMarks();
  const broken = election.manifest.contests.findIndex((contest, i) => !ballot.acceptsMarks(contest, marks[i]));
  if (broken >= 0) {
    say(`${text('bad-marks')} ${election.manifest.contests[broken].title}`, 'error');
    root.querySelector(`[data-contest="${broken}"] input`).focus();
    return;
  }
  say(text('encrypting'));
  let encrypted;
  const started = performance.now();
  try {
    encrypted = ballot.encryptBallot({ ...election, credentialSecret, marks });
  } catch (e) {
    say(`${text('refused')} ${e.message}`, 'error');
    return;
  }
  const milliseconds = performance.now() - started;
  pending = encrypted;
  encryptedStep.dataset.encryptMs = milliseconds.toFixed(1);
  encryptedStep.querySelector('[data-fingerprint]').textContent = ballot.toHex(encrypted.hash);
  setChoosing(false);
  say('');
  status.hidden = true;
  show(encryptedStep);
}

async function submit(path, body) {
  const response = await fetch(`/api/ballot/${encodeURIComponent(electionId)}/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(json.detail || `HTTP ${response.status}`);
  // The server chains the code along the board: check it is made from this ballot (ballot spec §7.5 eq 41).
  const expected = ballot.nextTrackingCode(ballot.fromHex(json.previousTrackingCode), pending.hash);
  if (ballot.toHex(expected) !== json.trackingCode) throw new Error(text('code-mismatch'));
  return json;
}

function failed(e) {
  status.hidden = false;
  say(`${text('refused')} ${e.message}`, 'error');
  setChoosing(true);
  show(null);
  pending = null;
}

async function cast() {
  try {
    const answer = await submit('cast', ballot.ballotToJson(pending.ballot));
    castStep.querySelector('[data-tracking-code]').textContent = answer.trackingCode;
    castStep.querySelector('[data-board-link]').href = answer.board;
    pending = null;
    show(castStep);
  } catch (e) {
    failed(e);
  }
}

async function challenge() {
  const opened = pending;
  try {
    const answer = await submit('challenge', {
      ballot: ballot.ballotToJson(opened.ballot),
      reveal: ballot.openingToJson(opened.opening),
    });
    const list = challengedStep.querySelector('[data-opening]');
    list.replaceChildren();
    election.manifest.contests.forEach((contest, i) => {
      contest.selections.forEach((name, j) => {
        const item = document.createElement('li');
        item.textContent = `${contest.title} — ${name}: ${opened.opening.plaintexts[i][j] === 1 ? text('marked') : text('not-marked')}`;
        list.append(item);
      });
    });
    const problem = ballot.checkOpening(election.manifest, election.electionKey, opened.ballot, opened.opening);
    const check = challengedStep.querySelector('[data-opening-check]');
    check.textContent = problem === null ? text('opening-ok') : `${text('opening-bad')} ${problem}`;
    check.className = problem === null ? 'notice notice--ok' : 'notice notice--error';
    challengedStep.querySelector('[data-challenged-code]').textContent = answer.trackingCode;
    challengedStep.querySelector('[data-challenged-link]').href = answer.board;
    pending = null;
    setChoosing(true);
    status.hidden = false;
    say(text('ready'));
    show(challengedStep);
  } catch (e) {
    failed(e);
  }
}

encryptButton.addEventListener('click', encryptChoice);
encryptedStep.querySelector('[data-cast]').addEventListener('click', cast);
encryptedStep.querySelector('[data-challenge]').addEventListener('click', challenge);
setChoosing(false);
load();
