/** Helpers that are not API: a small JSON reader, an int list. */
package org.smolny.count.internal;
