package org.smolny.council.congress;

/** Why a delegate asks to speak. */
public enum Side {
    /** To speak for the motion. */
    FOR,
    /** To speak against the motion. */
    AGAINST,
    /** On a point of order: heard before anyone else, briefly. */
    POINT_OF_ORDER
}
