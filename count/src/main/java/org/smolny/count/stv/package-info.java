/** Single transferable vote: Scottish rules (SSI 2007/42), weighted inclusive Gregory with exact fractions, and Meek. */
package org.smolny.count.stv;
