/** The Schulze method with its full ranking and tie-breaking ranking. */
package org.smolny.count.schulze;
