/** The round-by-round report of a count and its JSON and text writers. */
package org.smolny.count.report;
