// Smolny: checks an entry against the signed checkpoint in the reader's own browser, without trusting the server's verdict.
//  1. the C2SP signed note: the log's Ed25519 signature on the checkpoint text, with the log's verifier key
//     (key id = first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key));
//  2. RFC 9162 §2.1.3.2: the root recomputed from the entry as displayed and the inclusion proof equals the signed root.
// Reads the entry page's <section data-inclusion …> attributes; writes the outcome into its live region.
(function () {
  "use strict";

  const encoder = new TextEncoder();

  function fromBase64(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function sameBytes(a, b) {
    if (a.length !== b.length) return false;
    let difference = 0;
    for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
    return difference === 0;
  }

  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) { out.set(p, offset); offset += p.length; }
    return out;
  }

  async function sha256(bytes) {
    return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  }

  // RFC 9162 §2.1.3.2, steps 1-5 (index and size stay below 2^53 in any real record).
  async function rootFromProof(index, size, leaf, proof) {
    if (index >= size) return null;
    let fn = index;
    let sn = size - 1;
    let r = leaf;
    for (const p of proof) {
      if (p.length !== 32 || sn === 0) return null;
      if (fn % 2 === 1 || fn === sn) {
        r = await sha256(concat([1], p, r));
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
        }
      } else {
        r = await sha256(concat([1], r, p));
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 ? r : null;
  }

  // The checkpoint text of a signed note (up to and including the newline before the blank line) and its signature lines.
  function splitNote(note) {
    const blank = note.indexOf("\n\n");
    if (blank < 0) return null;
    const text = note.slice(0, blank + 1);
    const lines = text.split("\n");
    if (lines.length < 4) return null;
    return { text: text, size: lines[1], root: lines[2], signatures: note.slice(blank + 2).split("\n").filter(Boolean) };
  }

  // true, false, or null when it cannot be checked here (no key, or no Ed25519 in this browser).
  async function logSignatureHolds(parsed, verifierKey) {
    // name+hexid+base64: the name has no '+', the base64 may.
    const first = verifierKey.indexOf("+");
    const second = verifierKey.indexOf("+", first + 1);
    if (first <= 0 || second !== first + 9) return null;
    const name = verifierKey.slice(0, first);
    const hexId = verifierKey.slice(first + 1, second);
    const keyBase64 = verifierKey.slice(second + 1);
    const key = fromBase64(keyBase64);
    if (key.length !== 33 || key[0] !== 0x01) return null;
    const keyId = (await sha256(concat(encoder.encode(name), [0x0a], key))).slice(0, 4);
    const hex = Array.from(keyId, b => b.toString(16).padStart(2, "0")).join("");
    if (hex !== hexId) return false;
    let publicKey;
    try {
      publicKey = await crypto.subtle.importKey("raw", key.slice(1), { name: "Ed25519" }, false, ["verify"]);
    } catch (unsupported) {
      return null;
    }
    for (const line of parsed.signatures) {
      const prefix = "\u2014 " + name + " ";
      if (!line.startsWith(prefix)) continue;
      const signature = fromBase64(line.slice(prefix.length));
      if (signature.length !== 68 || !sameBytes(signature.slice(0, 4), keyId)) continue;
      return await crypto.subtle.verify({ name: "Ed25519" }, publicKey, signature.slice(4), encoder.encode(parsed.text));
    }
    return false;
  }

  function report(section, verdict, text) {
    const out = section.querySelector("[data-browser-verdict]");
    out.textContent = text;
    out.dataset.browserVerdict = verdict;
    out.classList.add(verdict === "verified" ? "notice--ok" : verdict === "failed" ? "notice--error" : "notice");
  }

  async function check(section) {
    const d = section.dataset;
    if (!window.crypto || !crypto.subtle) {
      report(section, "unavailable", d.textUnavailable);
      return;
    }
    const parsed = splitNote(d.note || "");
    const signedRoot = parsed ? parsed.root : d.root;
    if (parsed && parsed.size !== d.size) {
      report(section, "failed", d.textFailed);
      return;
    }
    const entry = encoder.encode(document.querySelector("[data-entry-json]").textContent);
    const leaf = await sha256(concat([0], entry));
    const proof = (d.proof || "").split(" ").filter(Boolean).map(fromBase64);
    const root = await rootFromProof(Number(d.index), Number(d.size), leaf, proof);
    if (root === null || !sameBytes(root, fromBase64(signedRoot))) {
      report(section, "failed", d.textFailed);
      return;
    }
    const signature = parsed && d.logKey ? await logSignatureHolds(parsed, d.logKey) : null;
    if (signature === false) {
      report(section, "failed", d.textBadSignature);
    } else {
      section.querySelector("[data-browser-verdict]").dataset.browserSignature = signature === true ? "verified" : "unchecked";
      report(section, "verified", d.textVerified + " " + (signature === true ? d.textSigned : d.textUnsigned));
    }
  }

  function start() {
    document.querySelectorAll("section[data-inclusion]").forEach(section => {
      check(section).catch(() => report(section, "error", section.dataset.textError));
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
