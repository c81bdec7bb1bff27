package org.rxledger.core.reference;

/**
 * The code lists a billing office reads every day (DOMAIN.md §1.5, §1.7, §1.10, §2.3–2.5, §3),
 * loaded once from CSV resources. Immutable and thread-safe.
 */
public final class CodeTables {

    private static final CodeTables STANDARD = new CodeTables();

    private final CodeTable rejectCodes = CodeTable.load("NCPDP reject code", "ncpdp-reject.csv", CodeTables::normaliseRejectCode);
    private final CodeTable carc = CodeTable.load("claim adjustment reason code (CARC)", "carc.csv");
    private final CodeTable rarc = CodeTable.load("remittance remark code (RARC)", "rarc.csv");
    private final CodeTable casGroups = CodeTable.load("adjustment group code", "cas-group.csv");
    private final CodeTable claimStatuses = CodeTable.load("835 claim status (CLP02)", "clp02.csv");
    private final CodeTable claimFilingIndicators = CodeTable.load("835 claim filing indicator (CLP06)", "clp06.csv");
    private final CodeTable claimFrequencies = CodeTable.load("claim frequency code (CLP09)", "clp09.csv");
    private final CodeTable plbReasons = CodeTable.load("provider adjustment reason (PLB)", "plb.csv");
    private final CodeTable daw = CodeTable.load("DAW / product selection code", "daw.csv");
    private final CodeTable responseStatuses = CodeTable.load("NCPDP response status (112-AN)", "response-status.csv");

    private CodeTables() {
    }

    public static CodeTables standard() {
        return STANDARD;
    }

    /** NCPDP 511-FB; attribute {@code family} is the follow-up queue (DOMAIN.md §10.1). */
    public CodeTable rejectCodes() {
        return rejectCodes;
    }

    public CodeTable carc() {
        return carc;
    }

    public CodeTable rarc() {
        return rarc;
    }

    public CodeTable casGroups() {
        return casGroups;
    }

    public CodeTable claimStatuses() {
        return claimStatuses;
    }

    /** CLP06 as 005010X221A1 lists it (DOMAIN.md §2.3): CI and BL of 4010 are gone. */
    public CodeTable claimFilingIndicators() {
        return claimFilingIndicators;
    }

    /** CLP09: the NUBC type-of-bill frequency digit (code source 235); pharmacy sends 1, 7 or 8. */
    public CodeTable claimFrequencies() {
        return claimFrequencies;
    }

    public CodeTable plbReasons() {
        return plbReasons;
    }

    public CodeTable daw() {
        return daw;
    }

    public CodeTable responseStatuses() {
        return responseStatuses;
    }

    /**
     * Reject codes compare as two digits in the numeric M/I range: "1" and "01" are the same code
     * (DOMAIN.md §1.10).
     */
    public static String normaliseRejectCode(String code) {
        String c = CodeTable.normalise(code);
        return c.length() == 1 && Character.isDigit(c.charAt(0)) ? "0" + c : c;
    }
}
