package org.smolny.council.command;

/**
 * Time passed: whatever fell due by now happens (emergency powers expire, terms end, petitions and initiatives lapse,
 * bodies that did not meet are flagged overdue). The shell sends it from its clock; tests move the clock.
 */
public record Tick() implements Command {
}
