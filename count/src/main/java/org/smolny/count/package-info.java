/** Counting methods on plain ballots: plurality, block, approval, IRV, STV (Scottish, WIGM, Meek), Schulze. Entry point: {@link org.smolny.count.Counting}. */
package org.smolny.count;
