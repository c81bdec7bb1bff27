package org.rxledger.core.reference;

/** The pharmacy this workstation bills for: NPI (201-B1 qualifier 01) and NCPDP provider id (REF*D3). */
public record Pharmacy(String name, String npi, String ncpdpId, String address, String city, String state,
                       String zip, String phone) {
}
