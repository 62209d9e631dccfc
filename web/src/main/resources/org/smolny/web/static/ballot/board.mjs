// The ballot board page, checked again by the reader's browser (docs/voting.md, "How a voter checks"): it fetches
// every board entry, recomputes each ballot's hash from the ballot itself and the chain of tracking codes
// (ballot spec §7.5 eq 40–41), and re-encrypts the opening of every challenged ballot (§7.3 eq 39). It does not
// re-verify the proofs: the independent verifier (`smolny verify election`) does that for the whole board.

import * as ballot from './smolny-ballot.mjs';

const root = document.querySelector('[data-board-check]');
const verdict = root.querySelector('[data-board-verdict]');
const electionId = root.dataset.election;
const PAGE = 100;
const MOST = Number(root.dataset.most);

function say(text, outcome) {
  verdict.textContent = text;
  verdict.className = outcome === 'holds' ? 'notice notice--ok' : outcome === 'broken' ? 'notice notice--error' : 'notice';
  verdict.dataset.boardVerdict = outcome;
}

const fill = (template, ...values) => values.reduce((text, value, i) => text.replace(`{${i}}`, String(value)), template);

async function json(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${path}`);
  return response.json();
}

async function check() {
  const election = await json(`/api/ballot/${encodeURIComponent(electionId)}`);
  const { manifest, hash } = ballot.readManifest(election.manifest);
  if (ballot.toHex(hash) !== election.manifestHash) throw new Error('the manifest does not hash to its published hash');
  const key = ballot.decodeElementHex(election.electionKey, 'the election key');
  let code = ballot.firstTrackingCode(hash);
  if (election.boardSize > MOST) {
    say(fill(root.dataset.textTooLarge, election.boardSize, MOST), 'skipped');
    return;
  }
  const problems = [];
  let challenged = 0;
  let position = 0;
  for (let from = 0; from < election.boardSize; from += PAGE) {
    const page = await json(`/api/ballot/${encodeURIComponent(electionId)}/board?from=${from}&count=${PAGE}`);
    for (const entry of page.entries) {
      position++;
      const parsed = ballot.ballotFromJson(entry.ballot);
      code = ballot.nextTrackingCode(code, ballot.ballotHash(hash, parsed));
      if (ballot.toHex(code) !== entry.trackingCode) {
        problems.push(fill(root.dataset.textChainBroken, position));
        code = ballot.fromHex(entry.trackingCode); // resume from the published code, so one break is reported once
      }
      if (entry.kind === 'challenged') {
        challenged++;
        const problem = ballot.checkOpening(manifest, key, parsed, ballot.openingFromJson(entry.reveal));
        if (problem !== null) problems.push(fill(root.dataset.textOpeningBroken, position, problem));
      }
    }
  }
  if (problems.length === 0) {
    say(fill(root.dataset.textHolds, position, challenged), 'holds');
  } else {
    say(`${root.dataset.textBroken} ${problems.join(' ')}`, 'broken');
  }
}

check().catch((e) => say(`${root.dataset.textError} (${e.message})`, 'error'));
