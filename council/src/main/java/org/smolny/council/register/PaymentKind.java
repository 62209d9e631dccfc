package org.smolny.council.register;

/** What an official receives. */
public enum PaymentKind {
    /** Salary or wages. */
    PAY,
    /** Any benefit in money or kind (a car, housing, allowances), at its money value. */
    BENEFIT
}
