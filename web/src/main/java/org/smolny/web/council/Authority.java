package org.smolny.web.council;

/** Who may send a command, before the council's own rules are checked. */
public enum Authority {
    /** Any member of the unit concerned or of a unit below it (the council checks their rights: probation, electorate). */
    MEMBER,
    /** Only the holder of the mandate concerned. */
    HOLDER,
    /** An officer: the holder of a mandate in force in the very unit concerned. */
    OFFICER,
    /** An officer of the top unit, acting for the congress. */
    CONGRESS,
    /** The administrator of the server (founding the organisation, the clock). */
    ADMINISTRATOR
}
