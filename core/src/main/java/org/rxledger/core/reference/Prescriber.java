package org.rxledger.core.reference;

/** A prescriber (AM03): NPI is the claim identifier (466-EZ 01); DEA is kept for controlled drugs. */
public record Prescriber(long id, String npi, String dea, String lastName, String firstName) {

    public String displayName() {
        return lastName + ", " + firstName;
    }
}
