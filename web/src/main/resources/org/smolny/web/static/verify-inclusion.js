// Smolny: checks an entry's inclusion proof in the reader's own browser, without trusting the server's verdict.
// RFC 9162 §2.1.3.2 (verifying an inclusion proof) with SHA-256 from the browser (WebCrypto).
// Reads the entry page's <section data-inclusion …> attributes; writes the outcome into its live region.
(function () {
  "use strict";

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

  async function nodeHash(left, right) {
    const input = new Uint8Array(65);
    input[0] = 0x01;
    input.set(left, 1);
    input.set(right, 33);
    return new Uint8Array(await crypto.subtle.digest("SHA-256", input));
  }

  async function leafHash(entryBytes) {
    const input = new Uint8Array(entryBytes.length + 1);
    input[0] = 0x00;
    input.set(entryBytes, 1);
    return new Uint8Array(await crypto.subtle.digest("SHA-256", input));
  }

  // RFC 9162 §2.1.3.2, steps 1-5: index and size are below 2^53 in any real record, so plain numbers do.
  async function rootFromProof(index, size, leaf, proof) {
    if (index >= size) return null;
    let fn = index;
    let sn = size - 1;
    let r = leaf;
    for (const p of proof) {
      if (p.length !== 32 || sn === 0) return null;
      if (fn % 2 === 1 || fn === sn) {
        r = await nodeHash(p, r);
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
        }
      } else {
        r = await nodeHash(r, p);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 ? r : null;
  }

  async function check(section) {
    const out = section.querySelector("[data-browser-verdict]");
    if (!window.crypto || !crypto.subtle) {
      out.textContent = section.dataset.textUnavailable;
      return;
    }
    const entry = new TextEncoder().encode(document.querySelector("[data-entry-json]").textContent);
    const leaf = await leafHash(entry);
    const proof = (section.dataset.proof || "").split(" ").filter(Boolean).map(fromBase64);
    const root = await rootFromProof(Number(section.dataset.index), Number(section.dataset.size), leaf, proof);
    const holds = root !== null && sameBytes(root, fromBase64(section.dataset.root));
    out.textContent = holds ? section.dataset.textVerified : section.dataset.textFailed;
    out.dataset.browserVerdict = holds ? "verified" : "failed";
    out.classList.add(holds ? "notice--ok" : "notice--error");
  }

  function start() {
    document.querySelectorAll("section[data-inclusion]").forEach(section => {
      check(section).catch(() => {
        const out = section.querySelector("[data-browser-verdict]");
        out.textContent = section.dataset.textError;
        out.dataset.browserVerdict = "error";
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
