package org.rxledger.core.claim;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.rxledger.core.export.SpreadsheetText;
import org.rxledger.core.id.Bin;
import org.rxledger.core.id.Ndc;
import org.rxledger.core.id.Npi;
import org.rxledger.core.id.RxNumber;
import org.rxledger.core.money.Money;
import org.rxledger.core.reference.CodeTable;
import org.rxledger.core.reference.CodeTables;

/**
 * The one rule set for an adjudicated claim, shared by the claims CSV import and charge entry.
 *
 * <p>Two levels, so a screen can check as the clerk types and an import can report everything at once:
 * <ul>
 *   <li>{@link #check(ClaimField, String)} — one field on its own (format, range, check digit);</li>
 *   <li>{@link #validate(Map)} — every field, then the cross-field rules, giving either the problems or
 *       a typed {@link ValidClaim}.</li>
 * </ul>
 * Messages are plain sentences that name the field, e.g. "Prescriber NPI '1234567890' fails the check
 * digit (last digit should be 3)".
 *
 * <p>Cross-field rules (DOMAIN.md §1.4, §1.7, §8.4):
 * <ul>
 *   <li>date written ≤ date of service; date of birth ≤ date of service;</li>
 *   <li>gross amount due, when given, = ingredient cost + dispensing fee (430-DU is the sum of the
 *       submitted components; this file format carries only those two), otherwise it is derived;</li>
 *   <li>response arithmetic for a paid or captured claim: the allowed amount is plan paid (509-F9) +
 *       patient pay (505-F5) — Total Amount Paid = allowed − patient pay, with no other-payer amount in
 *       this format (§1.7). Under the "lesser of" rule the plan allows at most the lower of U&amp;C and
 *       gross amount due, so plan paid + patient pay must not exceed either (U&amp;C is skipped when it is
 *       0.00, meaning "not reported"). Patient pay can never exceed the allowed amount, which this implies;</li>
 *   <li>a rejected claim (R) carries 1–5 reject codes (511-FB repeats up to 5) and pays nothing; a paid
 *       or captured claim carries no reject codes.</li>
 * </ul>
 */
public final class ClaimRules {

    /** 442-E7 is 9(7)v999: at most seven whole digits and three decimals (DOMAIN.md §1.3). */
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("9999999.999");
    /** NCPDP dollar fields are s$$$$$$cc: at most six whole digits and two decimals (DOMAIN.md §1.3). */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999.99");
    /**
     * Plain decimals only: {@code new BigDecimal} would also take {@code 1e3} and {@code +5}, and a thousands
     * separator is how a spreadsheet mangles a column, so neither is guessed at.
     */
    private static final Pattern PLAIN_AMOUNT = Pattern.compile("-?\\d{1,9}(\\.\\d{1,2})?");
    /** What a clerk keys: the plain form, or with a dollar sign and thousands separators in their places. */
    private static final Pattern KEYED_AMOUNT = Pattern.compile("-?\\$?(\\d{1,9}|\\d{1,3}(,\\d{3}){1,2})(\\.\\d{1,2})?");
    private static final Pattern PLAIN_QUANTITY = Pattern.compile("-?\\d{1,9}(\\.\\d{1,9})?");
    private static final int MAX_REJECT_CODES = 5;
    /** 354-NX: at most three submission clarification codes (DOMAIN.md §1.6). */
    private static final int MAX_SCC_CODES = 3;
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter NCPDP = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    /** A problem with one field (for cross-field rules: the field a clerk should correct). */
    public record Problem(ClaimField field, String message) {
    }

    /** Either the problems, or (when there are none) the typed claim. */
    public record Validation(List<Problem> problems, Optional<ValidClaim> claim) {

        public Validation {
            problems = List.copyOf(problems);
        }

        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    /**
     * A claim whose every field passed: typed, normalised (BIN slashed zeros, upper-case codes, 11-digit NDC)
     * and with defaults applied (gross amount due derived, response status P, blank amounts 0.00).
     * {@code dateWritten}, {@code prescriberLastName}, {@code authorizationNumber}, {@code ingredientCostPaid} and
     * {@code dispensingFeePaid} may be null.
     */
    public record ValidClaim(String rxNumber, int fillNumber, LocalDate dateOfService, LocalDate dateWritten,
                             String bin, String pcn, String groupId, String cardholderId, String personCode,
                             String patientFirstName, String patientLastName, LocalDate patientDob, Ndc ndc,
                             BigDecimal quantity, int daysSupply, String daw, String prescriberNpi,
                             String prescriberLastName, Money ingredientCostSubmitted, Money dispensingFeeSubmitted,
                             Money usualAndCustomary, Money grossAmountDue, Money patientPay, Money planPaid,
                             String authorizationNumber, ResponseStatus responseStatus, List<String> rejectCodes,
                             String relationshipCode, String otherCoverageCode, String sccCodes,
                             Money ingredientCostPaid, Money dispensingFeePaid, Channel channel,
                             Money patientPaidAtPos, String chargeAccount) {

        public ValidClaim {
            rejectCodes = List.copyOf(rejectCodes);
        }

        /** The re-import key (issue 2). */
        public ClaimKey key() {
            return new ClaimKey(rxNumber, fillNumber, dateOfService, bin, pcn);
        }
    }

    private final Clock clock;
    private final CodeTable rejectCodes;
    private final Pattern amountFormat;

    /** @param clock gives "today" for the not-in-the-future rules */
    public ClaimRules(Clock clock) {
        this(clock, CodeTables.standard());
    }

    public ClaimRules(Clock clock, CodeTables codeTables) {
        this(clock, codeTables.rejectCodes(), KEYED_AMOUNT);
    }

    private ClaimRules(Clock clock, CodeTable rejectCodes, Pattern amountFormat) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rejectCodes = rejectCodes;
        this.amountFormat = amountFormat;
    }

    /**
     * The same rules for values read from a file: amounts must be plain decimals ({@code 1234.56}). A clerk
     * may key {@code $1,234.56}; in a file a currency sign or a thousands separator means a spreadsheet
     * formatted the column, and which of {@code 1,000} and {@code 1.000} it meant is not guessed.
     */
    public ClaimRules forFiles() {
        return new ClaimRules(clock, rejectCodes, PLAIN_AMOUNT);
    }

    /** Checks one field on its own; empty when the value is acceptable. */
    public Optional<String> check(ClaimField field, String value) {
        try {
            parse(field, value);
            return Optional.empty();
        } catch (FieldException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Only the cross-field rules, for a screen that shows field problems next to each field already:
     * fields that are blank or invalid are skipped, so only rules whose fields are all valid can fire.
     */
    public List<Problem> crossCheck(Map<ClaimField, String> values) {
        Map<ClaimField, Object> parsed = new EnumMap<>(ClaimField.class);
        Set<ClaimField> bad = new HashSet<>();
        for (ClaimField field : ClaimField.values()) {
            try {
                Object value = parse(field, values.get(field));
                if (value != null) {
                    parsed.put(field, value);
                }
            } catch (FieldException e) {
                bad.add(field);
            }
        }
        return crossCheck(parsed, bad);
    }

    /** Checks every field, then (when the fields involved are valid) the cross-field rules. */
    public Validation validate(Map<ClaimField, String> values) {
        List<Problem> problems = new ArrayList<>();
        Map<ClaimField, Object> parsed = new EnumMap<>(ClaimField.class);
        for (ClaimField field : ClaimField.values()) {
            try {
                Object value = parse(field, values.get(field));
                if (value != null) {
                    parsed.put(field, value);
                }
            } catch (FieldException e) {
                problems.add(new Problem(field, e.getMessage()));
            }
        }
        Set<ClaimField> bad = new HashSet<>();
        problems.forEach(p -> bad.add(p.field()));
        problems.addAll(crossCheck(parsed, bad));
        if (!problems.isEmpty()) {
            return new Validation(problems, Optional.empty());
        }
        return new Validation(List.of(), Optional.of(toValidClaim(parsed)));
    }

    // ---------------------------------------------------------------------------------------- fields

    private Object parse(ClaimField field, String raw) {
        String value = raw == null ? "" : raw.strip();
        return switch (field) {
            case RX_NUMBER -> identifier(field, value, RxNumber.problem(value));
            case FILL_NUMBER -> {
                int fill = wholeNumber(field, value);
                String problem = RxNumber.fillProblem(fill);
                if (problem != null) {
                    throw new FieldException(field.label() + " " + problem);
                }
                yield fill;
            }
            case DATE_OF_SERVICE -> notInFuture(field, date(field, value, true));
            case DATE_WRITTEN -> notInFuture(field, date(field, value, false));
            case PATIENT_DOB -> {
                LocalDate dob = notInFuture(field, date(field, value, true));
                if (dob.isBefore(EARLIEST_BIRTH)) {
                    throw new FieldException(field.label() + " is before 1900; check the year");
                }
                yield dob;
            }
            case BIN -> identifier(field, Bin.normalise(value), Bin.problem(value));
            case PCN -> code(field, value, 10, false);
            case GROUP_ID -> code(field, value, 15, false);
            case CARDHOLDER_ID -> code(field, value, 20, true);
            case PERSON_CODE -> code(field, value, 3, false);
            case PATIENT_FIRST_NAME, PATIENT_LAST_NAME -> name(field, value, true);
            case PRESCRIBER_LAST_NAME -> name(field, value, false);
            case NDC -> {
                String problem = Ndc.problem(value);
                if (problem != null) {
                    throw new FieldException(field.label() + " " + problem);
                }
                Ndc ndc = Ndc.parse(value);
                // eleven zeros is what a blank NDC becomes in some exports; no product has it
                if (ndc.billing().chars().allMatch(c -> c == '0')) {
                    throw new FieldException(field.label() + " '" + value + "' is all zeros: expected the dispensed product's NDC");
                }
                yield ndc;
            }
            case QUANTITY -> quantity(field, value);
            case DAYS_SUPPLY -> {
                int days = wholeNumber(field, value);
                if (days < 1 || days > 999) {
                    throw new FieldException(field.label() + " " + days + " is outside 1–999");
                }
                yield days;
            }
            case DAW -> {
                if (!value.matches("\\d")) {
                    throw new FieldException(field.label() + (value.isEmpty() ? " is required" : " '" + value + "'")
                            + " must be one digit 0–9 (0 = no product selection indicated)");
                }
                yield value;
            }
            case PRESCRIBER_NPI -> identifier(field, value, Npi.problem(value));
            case INGREDIENT_COST_SUBMITTED, DISPENSING_FEE_SUBMITTED, USUAL_AND_CUSTOMARY -> money(field, value, true);
            case GROSS_AMOUNT_DUE, PATIENT_PAY_AMOUNT, PLAN_PAID_AMOUNT -> money(field, value, false);
            case AUTHORIZATION_NUMBER -> {
                if (value.isEmpty()) {
                    yield null;
                }
                if (value.length() > 20 || !value.matches("[A-Za-z0-9-]+")) {
                    throw new FieldException(field.label() + " '" + value + "' must be up to 20 letters or digits");
                }
                yield value;
            }
            case RESPONSE_STATUS -> responseStatus(field, value);
            case REJECT_CODES -> rejectCodes(field, value);
            case RELATIONSHIP_CODE -> oneDigit(field, value, 4, "0 not specified, 1 cardholder, 2 spouse, 3 child, 4 other");
            case OTHER_COVERAGE_CODE -> oneDigit(field, value, 8, "0 not specified … 8 billing for patient financial responsibility only");
            case SCC_CODES -> sccCodes(field, value);
            case INGREDIENT_COST_PAID, DISPENSING_FEE_PAID -> value.isEmpty() ? null : money(field, value, false);
            case CHANNEL -> channel(field, value);
            case PATIENT_PAID_AT_POS -> value.isEmpty() ? null : money(field, value, false);
            case CHARGE_ACCOUNT -> chargeAccount(field, value);
        };
    }

    private static String identifier(ClaimField field, String value, String problem) {
        if (problem != null) {
            throw new FieldException(field.label() + " " + problem);
        }
        return value;
    }

    private static int wholeNumber(ClaimField field, String value) {
        if (value.isEmpty()) {
            throw new FieldException(field.label() + " is required");
        }
        if (!value.matches("\\d{1,4}")) {
            throw new FieldException(field.label() + " '" + value + "' is not a whole number");
        }
        return Integer.parseInt(value);
    }

    private static LocalDate date(ClaimField field, String value, boolean required) {
        if (value.isEmpty()) {
            if (required) {
                throw new FieldException(field.label() + " is required (YYYY-MM-DD)");
            }
            return null;
        }
        try {
            // YYYY-MM-DD is the file format; CCYYMMDD is how NCPDP writes dates (DOMAIN.md §1.3)
            return value.length() == 8 && value.matches("\\d{8}") ? LocalDate.parse(value, NCPDP) : LocalDate.parse(value, ISO);
        } catch (DateTimeParseException e) {
            throw new FieldException(field.label() + shown(field, value) + " is not a valid date (expected YYYY-MM-DD, e.g. 2025-03-03)");
        }
    }

    private LocalDate notInFuture(ClaimField field, LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        if (date != null && date.isAfter(today)) {
            throw new FieldException(field.label() + (isPhi(field) ? "" : " " + date) + " is in the future (today is " + today + ")");
        }
        return date;
    }

    /** NCPDP "AN" fields (DOMAIN.md §8.4): upper-cased, letters, digits and hyphens, bounded length. */
    private static String code(ClaimField field, String value, int maxLength, boolean required) {
        if (value.isEmpty()) {
            if (required) {
                throw new FieldException(field.label() + " is required (up to " + maxLength + " letters or digits)");
            }
            return "";
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.length() > maxLength) {
            throw new FieldException(field.label() + shown(field, value) + " is " + upper.length() + " characters long (at most " + maxLength + ")");
        }
        if (!upper.matches("[A-Z0-9-]+")) {
            throw new FieldException(field.label() + shown(field, value) + " may contain only letters, digits and hyphens");
        }
        return upper;
    }

    private static String name(ClaimField field, String value, boolean required) {
        if (value.isEmpty()) {
            if (required) {
                throw new FieldException(field.label() + " is required");
            }
            return null;
        }
        // the database columns hold 60 characters
        if (value.length() > 60) {
            throw new FieldException(field.label() + " is longer than 60 characters");
        }
        // OWASP CSV injection: a leading = + - @ tab or CR makes a spreadsheet run the value; no name starts so
        if (SpreadsheetText.isFormulaLike(value)) {
            throw new FieldException(field.label() + ": expected a name, found a value starting with '" + printable(value.charAt(0))
                    + "' (a spreadsheet would run it as a formula)");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new FieldException(field.label() + ": expected a name, found control characters (tabs, line breaks or binary bytes)");
        }
        return value;
    }

    /**
     * Patient names, member id and date of birth are not repeated in messages (they reach the terminal and
     * the screen, and are pasted into tickets): the line and the column say which value to correct.
     */
    private static boolean isPhi(ClaimField field) {
        return field == ClaimField.CARDHOLDER_ID || field == ClaimField.PATIENT_FIRST_NAME || field == ClaimField.PATIENT_LAST_NAME
                || field == ClaimField.PATIENT_DOB;
    }

    /** {@code " 'value'"}, or nothing for a {@link #isPhi patient identifier}. */
    private static String shown(ClaimField field, String value) {
        return isPhi(field) ? "" : " '" + value + "'";
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c);
    }

    private static BigDecimal quantity(ClaimField field, String value) {
        if (value.isEmpty()) {
            throw new FieldException(field.label() + " is required");
        }
        if (!PLAIN_QUANTITY.matcher(value).matches()) {
            throw new FieldException(field.label() + " '" + value + "' is not a number: expected a plain decimal number such as 30 or 2.5");
        }
        BigDecimal q = new BigDecimal(value);
        if (q.signum() <= 0) {
            throw new FieldException(field.label() + " " + value + " must be more than zero");
        }
        if (q.stripTrailingZeros().scale() > 3) {
            throw new FieldException(field.label() + " " + value + " has more than 3 decimals (442-E7 carries 3)");
        }
        if (q.compareTo(MAX_QUANTITY) > 0) {
            throw new FieldException(field.label() + " " + value + " is too large (at most 9,999,999.999)");
        }
        return q.setScale(3);
    }

    private Money money(ClaimField field, String value, boolean required) {
        if (value.isEmpty()) {
            if (required) {
                throw new FieldException(field.label() + " is required (e.g. 12.30)");
            }
            return null;
        }
        if (!amountFormat.matcher(value).matches()) {
            throw new FieldException(field.label() + " '" + value + "' is not an amount in dollars and cents: expected a plain decimal "
                    + "(digits, optionally '.' and two decimals, e.g. 1000.00)");
        }
        Money m = Money.parse(value);
        if (m.isNegative()) {
            throw new FieldException(field.label() + " " + m + " must not be negative");
        }
        if (m.amount().compareTo(MAX_AMOUNT) > 0) {
            throw new FieldException(field.label() + " '" + value + "' is too large: expected at most 999999.99 (NCPDP dollar fields)");
        }
        return m;
    }

    private static ResponseStatus responseStatus(ClaimField field, String value) {
        if (value.isEmpty()) {
            return ResponseStatus.PAID;
        }
        ResponseStatus status;
        try {
            status = ResponseStatus.fromCode(value);
        } catch (IllegalArgumentException e) {
            throw new FieldException(field.label() + " '" + value + "' is not an NCPDP response status (P, R, C, …)");
        }
        // only these open a claim record; duplicates (D, Q) and approvals (A, S) answer other transactions (§1.7)
        if (status != ResponseStatus.PAID && status != ResponseStatus.REJECTED && status != ResponseStatus.CAPTURED) {
            throw new FieldException(field.label() + " '" + value + "' cannot be recorded as a claim: use P (paid), C (captured) or R (rejected)");
        }
        return status;
    }

    /** 306-C6 (0–4) and 308-C8 (0–8): blank means 0, "not specified". */
    private static String oneDigit(ClaimField field, String value, int max, String meaning) {
        if (value.isEmpty()) {
            return null;
        }
        if (!value.matches("\\d") || Integer.parseInt(value) > max) {
            throw new FieldException(field.label() + " '" + value + "' must be one digit 0–" + max + " (" + meaning + ")");
        }
        return value;
    }

    /**
     * 420-DK: up to three two-digit codes (DOMAIN.md §1.6). Accepted: 01–36, 42, 43, 47, 48 and 99 — the
     * values a retail office uses; others are refused so a typo does not reach the payer.
     */
    private static String sccCodes(ClaimField field, String value) {
        if (value.isEmpty()) {
            return null;
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String raw : value.split("[,;|\\s]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            if (!raw.matches("\\d{1,2}")) {
                throw new FieldException(field.label() + ": '" + raw + "' is not a two-digit clarification code (e.g. 03 vacation supply)");
            }
            String code = raw.length() == 1 ? "0" + raw : raw;
            if (!isKnownScc(Integer.parseInt(code))) {
                throw new FieldException(field.label() + ": '" + raw + "' is not a known submission clarification code (01–36, 42, 43, 47, 48, 99)");
            }
            codes.add(code);
        }
        if (codes.size() > MAX_SCC_CODES) {
            throw new FieldException(field.label() + ": " + codes.size() + " codes given; a claim carries at most " + MAX_SCC_CODES);
        }
        return codes.isEmpty() ? null : String.join(",", codes);
    }

    private static boolean isKnownScc(int code) {
        return (code >= 1 && code <= 36) || code == 42 || code == 43 || code == 47 || code == 48 || code == 99;
    }

    /** Same shape as a patient-account key's code (collections.AccountKey): letters, digits, '.', '_', '-'. */
    private static String chargeAccount(ClaimField field, String value) {
        if (value.isEmpty()) {
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9][A-Z0-9._-]{0,39}")) {
            throw new FieldException(field.label() + " '" + value + "' must be 1 to 40 letters, digits, '.', '_' or '-' "
                    + "(e.g. MAPLE-LTC)");
        }
        return code;
    }

    private static Channel channel(ClaimField field, String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "", "E", "ELECTRONIC" -> Channel.ELECTRONIC;
            case "P", "PAPER", "UCF" -> Channel.PAPER;
            default -> throw new FieldException(field.label() + " '" + value + "' must be ELECTRONIC or PAPER (UCF)");
        };
    }

    private List<String> rejectCodes(ClaimField field, String value) {
        if (value.isEmpty()) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String raw : value.split("[,;|\\s]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            String code = CodeTables.normaliseRejectCode(raw);
            if (!rejectCodes.contains(code)) {
                throw new FieldException(field.label() + ": '" + raw + "' is not a known NCPDP reject code");
            }
            codes.add(code);
        }
        if (codes.size() > MAX_REJECT_CODES) {
            throw new FieldException(field.label() + ": " + codes.size() + " codes given; NCPDP returns at most " + MAX_REJECT_CODES);
        }
        return List.copyOf(codes);
    }

    // ---------------------------------------------------------------------------------- cross-field

    private List<Problem> crossCheck(Map<ClaimField, Object> v, Set<ClaimField> bad) {
        List<Problem> problems = new ArrayList<>();
        LocalDate dos = (LocalDate) v.get(ClaimField.DATE_OF_SERVICE);
        LocalDate written = (LocalDate) v.get(ClaimField.DATE_WRITTEN);
        LocalDate dob = (LocalDate) v.get(ClaimField.PATIENT_DOB);
        if (dos != null && written != null && written.isAfter(dos)) {
            problems.add(new Problem(ClaimField.DATE_WRITTEN, "Date written " + written
                    + " is after the date of service " + dos + " (a prescription is written before it is filled)"));
        }
        if (dos != null && dob != null && dob.isAfter(dos)) {
            problems.add(new Problem(ClaimField.PATIENT_DOB, "Patient date of birth is after the date of service " + dos));
        }

        Money ingredient = (Money) v.get(ClaimField.INGREDIENT_COST_SUBMITTED);
        Money fee = (Money) v.get(ClaimField.DISPENSING_FEE_SUBMITTED);
        Money gross = (Money) v.get(ClaimField.GROSS_AMOUNT_DUE);
        if (ingredient != null && fee != null && gross != null && !gross.equals(ingredient.plus(fee))) {
            problems.add(new Problem(ClaimField.GROSS_AMOUNT_DUE, "Gross amount due " + gross
                    + " does not equal ingredient cost " + ingredient + " + dispensing fee " + fee + " = " + ingredient.plus(fee)));
        }
        if (gross == null && ingredient != null && fee != null) {
            gross = ingredient.plus(fee);
        }

        Money owedByPatient = (Money) v.get(ClaimField.PATIENT_PAY_AMOUNT);
        Money paidAtPos = (Money) v.get(ClaimField.PATIENT_PAID_AT_POS);
        if (owedByPatient != null && paidAtPos != null && paidAtPos.isGreaterThan(owedByPatient)) {
            problems.add(new Problem(ClaimField.PATIENT_PAID_AT_POS, "Patient paid at the counter " + paidAtPos
                    + " is more than the patient pay amount " + owedByPatient));
        }

        // a paper (UCF) claim is keyed by the payer later: it has no NCPDP authorization number (DOMAIN.md §7.3)
        if (v.get(ClaimField.CHANNEL) == Channel.PAPER && v.get(ClaimField.AUTHORIZATION_NUMBER) != null) {
            problems.add(new Problem(ClaimField.AUTHORIZATION_NUMBER, "A paper (UCF) claim has no NCPDP authorization number; "
                    + "clear the authorization number or bill it electronically"));
        }

        if (bad.contains(ClaimField.RESPONSE_STATUS) || bad.contains(ClaimField.REJECT_CODES)) {
            return problems;
        }
        ResponseStatus status = (ResponseStatus) v.getOrDefault(ClaimField.RESPONSE_STATUS, ResponseStatus.PAID);
        @SuppressWarnings("unchecked")
        List<String> rejects = (List<String>) v.getOrDefault(ClaimField.REJECT_CODES, List.of());
        Money planPaid = (Money) v.get(ClaimField.PLAN_PAID_AMOUNT);
        Money patientPay = (Money) v.get(ClaimField.PATIENT_PAY_AMOUNT);
        if (status == ResponseStatus.REJECTED) {
            if (rejects.isEmpty()) {
                problems.add(new Problem(ClaimField.REJECT_CODES, "A rejected claim needs at least one reject code (e.g. 79 refill too soon)"));
            }
            if (planPaid != null && !planPaid.isZero()) {
                problems.add(new Problem(ClaimField.PLAN_PAID_AMOUNT, "Plan paid amount " + planPaid + " must be 0.00 on a rejected claim"));
            }
            if (patientPay != null && !patientPay.isZero()) {
                problems.add(new Problem(ClaimField.PATIENT_PAY_AMOUNT, "Patient pay amount " + patientPay + " must be 0.00 on a rejected claim"));
            }
            for (ClaimField paid : List.of(ClaimField.INGREDIENT_COST_PAID, ClaimField.DISPENSING_FEE_PAID)) {
                Money amount = (Money) v.get(paid);
                if (amount != null && !amount.isZero()) {
                    problems.add(new Problem(paid, paid.label() + " " + amount + " must be blank on a rejected claim"));
                }
            }
            return problems;
        }
        if (!rejects.isEmpty()) {
            problems.add(new Problem(ClaimField.REJECT_CODES, "A " + (status == ResponseStatus.PAID ? "paid" : "captured")
                    + " claim carries no reject codes (found " + String.join(", ", rejects) + "); set the response status to R"));
        }
        if (planPaid == null && !bad.contains(ClaimField.PLAN_PAID_AMOUNT)) {
            problems.add(new Problem(ClaimField.PLAN_PAID_AMOUNT, "Plan paid amount is required on a paid claim (0.00 if the plan paid nothing)"));
        }
        if (patientPay == null && !bad.contains(ClaimField.PATIENT_PAY_AMOUNT)) {
            problems.add(new Problem(ClaimField.PATIENT_PAY_AMOUNT, "Patient pay amount is required on a paid claim (0.00 if none)"));
        }
        if (planPaid == null || patientPay == null) {
            return problems;
        }
        Money allowed = planPaid.plus(patientPay);
        // §1.7: Total Amount Paid (509-F9) = ingredient cost paid + dispensing fee paid − patient pay (this entry
        // carries no tax, incentive, professional fee or other-payer amount); checked when the paid components are given
        Money ingredientPaid = (Money) v.get(ClaimField.INGREDIENT_COST_PAID);
        Money feePaid = (Money) v.get(ClaimField.DISPENSING_FEE_PAID);
        if (ingredientPaid != null && feePaid != null) {
            Money expected = ingredientPaid.plus(feePaid).minus(patientPay);
            if (!expected.equals(planPaid)) {
                problems.add(new Problem(ClaimField.PLAN_PAID_AMOUNT, "Plan paid " + planPaid + " does not match ingredient cost paid "
                        + ingredientPaid + " + dispensing fee paid " + feePaid + " − patient pay " + patientPay + " = " + expected));
            }
        } else if (ingredientPaid != null || feePaid != null) {
            ClaimField missing = ingredientPaid == null ? ClaimField.INGREDIENT_COST_PAID : ClaimField.DISPENSING_FEE_PAID;
            if (!bad.contains(missing)) {
                problems.add(new Problem(missing, missing.label() + " is needed when "
                        + (ingredientPaid == null ? ClaimField.DISPENSING_FEE_PAID : ClaimField.INGREDIENT_COST_PAID).label().toLowerCase(Locale.ROOT)
                        + " is given (both or neither)"));
            }
        }
        if (gross != null && !bad.contains(ClaimField.GROSS_AMOUNT_DUE) && allowed.isGreaterThan(gross)) {
            problems.add(new Problem(ClaimField.PLAN_PAID_AMOUNT, "Plan paid " + planPaid + " + patient pay " + patientPay + " = "
                    + allowed + " is more than the gross amount due " + gross + " (a plan allows at most what was billed)"));
        }
        Money uc = (Money) v.get(ClaimField.USUAL_AND_CUSTOMARY);
        if (uc != null && uc.isPositive() && allowed.isGreaterThan(uc)) {
            problems.add(new Problem(ClaimField.PLAN_PAID_AMOUNT, "Plan paid " + planPaid + " + patient pay " + patientPay + " = "
                    + allowed + " is more than the usual and customary charge " + uc + " (plans pay the lesser of U&C and the contract price)"));
        }
        return problems;
    }

    private static ValidClaim toValidClaim(Map<ClaimField, Object> v) {
        Money ingredient = (Money) v.get(ClaimField.INGREDIENT_COST_SUBMITTED);
        Money fee = (Money) v.get(ClaimField.DISPENSING_FEE_SUBMITTED);
        Money gross = (Money) v.getOrDefault(ClaimField.GROSS_AMOUNT_DUE, ingredient.plus(fee));
        @SuppressWarnings("unchecked")
        List<String> rejects = (List<String>) v.getOrDefault(ClaimField.REJECT_CODES, List.of());
        return new ValidClaim(
                (String) v.get(ClaimField.RX_NUMBER),
                (Integer) v.get(ClaimField.FILL_NUMBER),
                (LocalDate) v.get(ClaimField.DATE_OF_SERVICE),
                (LocalDate) v.get(ClaimField.DATE_WRITTEN),
                (String) v.get(ClaimField.BIN),
                (String) v.getOrDefault(ClaimField.PCN, ""),
                (String) v.getOrDefault(ClaimField.GROUP_ID, ""),
                (String) v.get(ClaimField.CARDHOLDER_ID),
                (String) v.getOrDefault(ClaimField.PERSON_CODE, ""),
                (String) v.get(ClaimField.PATIENT_FIRST_NAME),
                (String) v.get(ClaimField.PATIENT_LAST_NAME),
                (LocalDate) v.get(ClaimField.PATIENT_DOB),
                (Ndc) v.get(ClaimField.NDC),
                (BigDecimal) v.get(ClaimField.QUANTITY),
                (Integer) v.get(ClaimField.DAYS_SUPPLY),
                (String) v.get(ClaimField.DAW),
                (String) v.get(ClaimField.PRESCRIBER_NPI),
                (String) v.get(ClaimField.PRESCRIBER_LAST_NAME),
                ingredient, fee,
                (Money) v.get(ClaimField.USUAL_AND_CUSTOMARY),
                gross,
                (Money) v.getOrDefault(ClaimField.PATIENT_PAY_AMOUNT, Money.ZERO),
                (Money) v.getOrDefault(ClaimField.PLAN_PAID_AMOUNT, Money.ZERO),
                (String) v.get(ClaimField.AUTHORIZATION_NUMBER),
                (ResponseStatus) v.getOrDefault(ClaimField.RESPONSE_STATUS, ResponseStatus.PAID),
                rejects,
                (String) v.getOrDefault(ClaimField.RELATIONSHIP_CODE, "0"),
                (String) v.getOrDefault(ClaimField.OTHER_COVERAGE_CODE, "0"),
                (String) v.getOrDefault(ClaimField.SCC_CODES, ""),
                (Money) v.get(ClaimField.INGREDIENT_COST_PAID),
                (Money) v.get(ClaimField.DISPENSING_FEE_PAID),
                (Channel) v.getOrDefault(ClaimField.CHANNEL, Channel.ELECTRONIC),
                (Money) v.get(ClaimField.PATIENT_PAID_AT_POS),
                (String) v.get(ClaimField.CHARGE_ACCOUNT));
    }

    /** Carries a field's plain-words problem out of the parser. */
    private static final class FieldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FieldException(String message) {
            super(message, null, false, false);
        }
    }
}
