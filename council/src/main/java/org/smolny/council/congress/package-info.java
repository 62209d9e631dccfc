/**
 * Congresses: the sovereign body of the organisation, from convocation (regular, or forced by the members' petition)
 * through credentials checked against mandates, alternates, attendance and quorum, the agenda and speakers' list,
 * motions and their amendments, named and card votes decided by the statutes' rules, minority platforms that no
 * majority can remove (drill D8), elections of bodies counted by the {@code count} module, to the minutes.
 *
 * <p>{@link org.smolny.council.congress.CongressDesk} decides {@link org.smolny.council.congress.CongressCommand}s
 * into {@link org.smolny.council.congress.CongressEvent}s; {@link org.smolny.council.congress.CongressPolicy} lists
 * every rule; {@link org.smolny.council.congress.Congresses} is the projection. The package is pure: no I/O, no
 * clock of its own. Records are immutable; the projection classes are not thread-safe (one writer applies entries).
 */
package org.smolny.council.congress;
