/** Readers and writers for BLT, RCTab CDF JSON cast vote records, and CSV. */
package org.smolny.count.format;
