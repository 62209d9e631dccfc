/**
 * The rules of motions that need no state: motion texts in numbered lines, amendments to line ranges and the text
 * they produce together, the order in which amendments are voted, and the majorities a vote needs with the decision
 * that states its rule. Values and stateless functions; all thread-safe.
 */
package org.smolny.council.motion;
