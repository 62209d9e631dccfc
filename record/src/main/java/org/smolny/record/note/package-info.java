/**
 * C2SP signed notes (https://c2sp.org/signed-note): Ed25519 signer and verifier keys in their standard
 * encodings, key ids, signing, and reading a note — syntax first ({@link org.smolny.record.note.SignedNote#parse}),
 * then signatures ({@link org.smolny.record.note.SignedNote#verify}); only a
 * {@link org.smolny.record.note.VerifiedNote} hands its text to a parser. Every refusal is a typed
 * {@link org.smolny.record.note.NoteError}.
 */
package org.smolny.record.note;
