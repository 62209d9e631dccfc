package org.smolny.council.congress;

/** Why a congress meets. */
public enum ConveningKind {
    /** By the statutory interval: it must open by the date the statutes set after the last congress. */
    REGULAR,
    /** Forced by a members' petition that reached the statutory threshold (drill D9): no leadership needed. */
    PETITION
}
