// The only parts of @noble/curves and @noble/hashes the ballot script uses (docs/voting.md, "How the script is built").
export { p256 } from '@noble/curves/nist.js';
export { sha256, sha512 } from '@noble/hashes/sha2.js';
