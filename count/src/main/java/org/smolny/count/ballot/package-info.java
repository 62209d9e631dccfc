/** Ballots as read from files: weights, ranks, overvotes, skipped ranks and unknown marks kept as they are. */
package org.smolny.count.ballot;
