package org.smolny.council.command;

/**
 * A request to act, checked against the statutes and the current state. Each concept declares its own commands
 * as a sealed interface extending this one; {@link org.smolny.council.Council} dispatches them.
 */
public interface Command {
}
