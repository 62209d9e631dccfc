/** Problem-ballot rules (overvotes, skipped ranks, duplicates, unknown candidates) and the compact, grouped form of ranked ballots that counts run on. */
package org.smolny.count.rules;
