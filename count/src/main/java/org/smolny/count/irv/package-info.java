/** Instant-runoff voting as RCTab counts a single-winner contest. */
package org.smolny.count.irv;
