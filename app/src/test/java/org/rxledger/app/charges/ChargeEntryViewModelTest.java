package org.rxledger.app.charges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.ClaimTestData.aPaidClaim;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rxledger.app.charges.ChargeEntryViewModel.Lookup;
import org.rxledger.app.task.SynchronousTaskRunner;
import org.rxledger.app.testdata.SampleOffice;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.claim.ClaimField;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.claim.Lifecycle;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.store.Database;

class ChargeEntryViewModelTest {

    private Database db;
    private SampleOffice office;
    private final List<Notice> notices = new ArrayList<>();
    private ChargeEntryViewModel vm;
    private int saves;

    @BeforeEach
    void setUp() {
        db = TestStores.freshDatabase();
        office = SampleOffice.create(db.transactions());
        vm = new ChargeEntryViewModel(db.transactions(), new SynchronousTaskRunner(), notices::add, TestStores.CLOCK);
        vm.setOnSaved(() -> saves++);
        vm.loadReferences();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void enterClaimOne(String rx) {
        vm.query(Lookup.PATIENT).set("smith, john");
        vm.query(Lookup.PLAN).set("acme");
        vm.field(ClaimField.CARDHOLDER_ID).set("ZQX00012345");
        vm.field(ClaimField.PERSON_CODE).set("001");
        vm.field(ClaimField.RX_NUMBER).set(rx);
        vm.field(ClaimField.DATE_OF_SERVICE).set("2025-03-03");
        vm.query(Lookup.PRESCRIBER).set("smithson");
        vm.query(Lookup.DRUG).set("12345067890");
        vm.field(ClaimField.QUANTITY).set("30");
        vm.field(ClaimField.DAYS_SUPPLY).set("30");
        vm.field(ClaimField.INGREDIENT_COST_SUBMITTED).set("46.50");
        vm.field(ClaimField.DISPENSING_FEE_SUBMITTED).set("1.75");
        vm.field(ClaimField.USUAL_AND_CUSTOMARY).set("52.00");
        vm.field(ClaimField.PLAN_PAID_AMOUNT).set("21.85");
        vm.field(ClaimField.PATIENT_PAY_AMOUNT).set("10.00");
    }

    @Test
    void anEmptyFormShowsNoErrorsUntilAFieldIsTypedIn() {
        assertThat(vm.problemProperty(ClaimField.RX_NUMBER).get()).isEmpty();
        assertThat(vm.problem(Lookup.PATIENT)).isEmpty();

        vm.field(ClaimField.DAYS_SUPPLY).set("1000");

        assertThat(vm.problemProperty(ClaimField.DAYS_SUPPLY).get()).isEqualTo("Days supply 1000 is outside 1–999");
        assertThat(vm.problemProperty(ClaimField.RX_NUMBER).get()).isEmpty();
    }

    @ParameterizedTest(name = "{0} = ''{1}'' → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            BIN                 | 12345      | BIN
            DATE_OF_SERVICE     | 2025-03-21 | future
            QUANTITY            | 0          | more than zero
            DAW                 | X          | one digit 0–9
            REJECT_CODES        | QQ         | not a known NCPDP reject code
            SCC_CODES           | 41         | not a known submission clarification code
            """)
    void eachFieldIsCheckedAsTyped(ClaimField field, String value, String expected) {
        vm.field(field).set(value);

        assertThat(vm.problemProperty(field).get()).contains(expected);
    }

    @Test
    void dateWrittenAfterTheDateOfServiceIsShownOnDateWritten() {
        vm.field(ClaimField.DATE_OF_SERVICE).set("2025-03-03");
        vm.field(ClaimField.DATE_WRITTEN).set("2025-03-04");

        assertThat(vm.problemProperty(ClaimField.DATE_WRITTEN).get()).contains("is after the date of service");
    }

    @Test
    void dawAndRejectCodesShowTheirMeaning() {
        vm.field(ClaimField.DAW).set("2");
        vm.field(ClaimField.REJECT_CODES).set("75, 79");

        assertThat(vm.dawMeaningProperty().get()).isEqualTo("Substitution allowed; patient asked for the brand");
        assertThat(vm.rejectMeaningProperty().get()).isEqualTo("75 — Prior authorization required; 79 — Refill too soon");
    }

    @ParameterizedTest(name = "drug ''{0}''")
    @CsvSource({"12345067890", "12345-067-90", "1234506789", "atorva", "ATORVASTATIN 20"})
    void findsTheDrugByNameOrByNdcInAnyLayout(String query) {
        vm.query(Lookup.DRUG).set(query);

        assertThat(vm.drugProperty().get()).isNotNull();
        assertThat(vm.drugProperty().get().ndc()).isEqualTo("12345067890");
    }

    @Test
    void anInvalidNpiOrNdcInALookupIsExplained() {
        vm.query(Lookup.PRESCRIBER).set("1234567890");
        vm.query(Lookup.DRUG).set("1234-5678-901");

        assertThat(vm.problem(Lookup.PRESCRIBER)).contains("Prescriber NPI").contains("check digit");
        assertThat(vm.problem(Lookup.DRUG)).startsWith("NDC ");
    }

    @Test
    void ambiguousPatientAsksToKeepTyping() {
        vm.query(Lookup.PATIENT).set("smith");

        assertThat(vm.patientProperty().get()).isNull();
        assertThat(vm.hintProperty(Lookup.PATIENT).get()).startsWith("2 match");
        vm.choose(Lookup.PATIENT, office.patients().get(0));
        assertThat(vm.patientProperty().get()).isEqualTo(office.patients().get(0));
    }

    @Test
    void pickingAReturningPatientFillsThePlanAndCardOfTheirLastClaim() {
        Claim last = db.transactions().inTransaction(tx -> aPaidClaim(office).patient(office.patients().get(2))
                .plan(office.plans().get(1)).record(tx));

        vm.query(Lookup.PATIENT).set("garcia");

        assertThat(vm.query(Lookup.PLAN).get()).isEqualTo("BluePeak Medicare D");
        assertThat(vm.field(ClaimField.BIN).get()).isEqualTo("888888");
        assertThat(vm.field(ClaimField.CARDHOLDER_ID).get()).isEqualTo(last.cardholderId()).isNotBlank();
        assertThat(vm.field(ClaimField.PERSON_CODE).get()).isEqualTo(last.personCode()).isNotBlank();
        assertThat(vm.hintProperty(Lookup.PATIENT).get()).endsWith("plan and card from their last claim");
    }

    @Test
    void aCardTheClerkTypedIsKeptWhenThePatientIsPicked() {
        db.transactions().inTransaction(tx -> aPaidClaim(office).patient(office.patients().get(2)).record(tx));
        vm.field(ClaimField.CARDHOLDER_ID).set("NEWCARD0001");

        vm.query(Lookup.PATIENT).set("garcia");

        assertThat(vm.field(ClaimField.CARDHOLDER_ID).get()).isEqualTo("NEWCARD0001");
        assertThat(vm.query(Lookup.PLAN).get()).isEqualTo("ACME Commercial");
    }

    @Test
    void aNewPatientLeavesThePlanAndCardEmpty() {
        vm.query(Lookup.PATIENT).set("garcia");

        assertThat(vm.patientProperty().get()).isNotNull();
        assertThat(vm.query(Lookup.PLAN).get()).isEmpty();
        assertThat(vm.field(ClaimField.CARDHOLDER_ID).get()).isEmpty();
    }

    @Test
    void drugSuggestionsNameTheDrugBesideItsNdc() {
        Object drug = vm.suggestions(Lookup.DRUG, "12345").get(0);

        assertThat(ChargeEntryViewModel.suggestion(Lookup.DRUG, drug)).isEqualTo("ATORVASTATIN 20 MG TABLET · NDC 12345-0678-90");
    }

    @Test
    void theRefusalCountsTheProblemsTheFormShowsAndNamesTheFirstToFix() {
        enterClaimOne("7001234");
        // a date of service before the patient was born: a rule on a value the patient lookup supplies
        vm.field(ClaimField.DATE_OF_SERVICE).set("1950-01-02");
        vm.field(ClaimField.DAYS_SUPPLY).set("0");

        vm.save();

        List<String> shown = new ArrayList<>();
        for (ClaimField f : ChargeEntryViewModel.TEXT_FIELDS) {
            if (!vm.problem(f).isEmpty()) {
                shown.add(vm.problem(f));
            }
        }
        for (Lookup l : Lookup.values()) {
            if (!vm.problem(l).isEmpty()) {
                shown.add(vm.problem(l));
            }
        }
        // the rule names no date of birth (issue 23: messages that may reach a log carry no PHI)
        assertThat(vm.problem(Lookup.PATIENT)).isEqualTo("Patient date of birth is after the date of service 1950-01-02");
        assertThat(vm.problem(ClaimField.DAYS_SUPPLY)).isNotEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Not saved: " + shown.size() + " problems — " + vm.problem(Lookup.PATIENT));
        assertThat(vm.fixFirstProperty().get()).isEqualTo(Lookup.PATIENT);
    }

    @Test
    void anAmbiguousPatientIsAProblemWhenSaving() {
        enterClaimOne("7001234");
        vm.query(Lookup.PATIENT).set("smith");

        vm.save();

        assertThat(vm.messageProperty().get()).isEqualTo("Not saved: 1 problem — Several patients match 'smith' — pick one (↓)");
        assertThat(vm.problem(Lookup.PATIENT)).isEqualTo("Several patients match 'smith' — pick one (↓)");
        assertThat(vm.fixFirstProperty().get()).isEqualTo(Lookup.PATIENT);
        assertThat(db.transactions().<Long>read(tx -> tx.port(ClaimRepository.class).count())).isZero();
    }

    @Test
    void grossAmountDueIsComputed() {
        vm.field(ClaimField.INGREDIENT_COST_SUBMITTED).set("46.50");
        vm.field(ClaimField.DISPENSING_FEE_SUBMITTED).set("1.75");

        assertThat(vm.field(ClaimField.GROSS_AMOUNT_DUE).get()).isEqualTo("48.25");
    }

    @Test
    void saveAndNextKeepsThePatientAndPlanAndEmptiesThePrescription() {
        enterClaimOne("7001234");

        vm.saveAndNext();

        assertThat(vm.messageProperty().get()).startsWith("Saved Rx 7001234-00");
        assertThat(saves).isEqualTo(1);
        assertThat(vm.patientProperty().get().lastName()).isEqualTo("SMITH");
        assertThat(vm.query(Lookup.PLAN).get()).isEqualTo("acme");
        assertThat(vm.field(ClaimField.BIN).get()).isEqualTo("999999");
        assertThat(vm.field(ClaimField.CARDHOLDER_ID).get()).isEqualTo("ZQX00012345");
        assertThat(vm.field(ClaimField.RX_NUMBER).get()).isEmpty();
        assertThat(vm.field(ClaimField.PLAN_PAID_AMOUNT).get()).isEmpty();
        assertThat(vm.query(Lookup.DRUG).get()).isEmpty();

        // the next Rx for the same patient needs only the prescription
        vm.field(ClaimField.RX_NUMBER).set("7001235");
        vm.field(ClaimField.DATE_OF_SERVICE).set("2025-03-03");
        vm.query(Lookup.PRESCRIBER).set("1987654328");
        vm.query(Lookup.DRUG).set("0093-7111-01");
        vm.field(ClaimField.QUANTITY).set("100");
        vm.field(ClaimField.DAYS_SUPPLY).set("100");
        vm.field(ClaimField.INGREDIENT_COST_SUBMITTED).set("8.00");
        vm.field(ClaimField.DISPENSING_FEE_SUBMITTED).set("1.75");
        vm.field(ClaimField.USUAL_AND_CUSTOMARY).set("12.00");
        vm.field(ClaimField.PLAN_PAID_AMOUNT).set("4.75");
        vm.field(ClaimField.PATIENT_PAY_AMOUNT).set("5.00");
        vm.save();

        assertThat(vm.messageProperty().get()).startsWith("Saved Rx 7001235-00");
        assertThat(db.transactions().<Long>read(tx -> tx.port(ClaimRepository.class).count())).isEqualTo(2L);
        assertThat(vm.patientProperty().get()).isNull(); // plain save starts a new patient
    }

    @Test
    void aRefusedSaveNamesTheFirstProblemAndMarksEveryField() {
        vm.save();

        assertThat(vm.messageProperty().get()).startsWith("Not saved:");
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.problem(Lookup.PATIENT)).isEqualTo("Choose the patient: type a name");
        assertThat(vm.problemProperty(ClaimField.RX_NUMBER).get()).startsWith("Rx number is empty");
        assertThat(db.transactions().<Long>read(tx -> tx.port(ClaimRepository.class).count())).isZero();
    }

    @Test
    void aDuplicateFromTheDatabaseIsShownOnTheRxNumber() {
        enterClaimOne("7001234");
        vm.saveAndNext();
        enterClaimOne("7001234");

        vm.save();

        assertThat(vm.messageProperty().get()).startsWith("Not saved:").contains("already billed");
        assertThat(vm.problemProperty(ClaimField.RX_NUMBER).get()).contains("already billed");
    }

    @Test
    void aPaperClaimClearsTheAuthorizationNumber() {
        vm.field(ClaimField.AUTHORIZATION_NUMBER).set("A1");

        vm.paperProperty().set(true);

        assertThat(vm.field(ClaimField.AUTHORIZATION_NUMBER).get()).isEmpty();
    }

    @Test
    void rebillModeLoadsTheClaimAndSavingRebillsIt() {
        Claim old = db.transactions().inTransaction(tx -> aPaidClaim(office).rx("7001299").rejected("75").record(tx));

        vm.startRebill(old.id());

        assertThat(vm.isRebill()).isTrue();
        assertThat(vm.titleProperty().get()).isEqualTo("Rebill Rx " + old.rxFill() + " (claim #" + old.id() + ")");
        assertThat(vm.field(ClaimField.RX_NUMBER).get()).isEqualTo("7001299");
        assertThat(vm.patientProperty().get()).isNotNull();
        vm.field(ClaimField.RESPONSE_STATUS).set("P");
        vm.field(ClaimField.REJECT_CODES).set("");
        vm.field(ClaimField.AUTHORIZATION_NUMBER).set("A25079000009");
        vm.field(ClaimField.PLAN_PAID_AMOUNT).set("21.85");
        vm.field(ClaimField.PATIENT_PAY_AMOUNT).set("10.00");

        vm.save();

        assertThat(vm.messageProperty().get()).startsWith("Rebilled (B3) claim #" + old.id() + " as Rx " + old.rxFill());
        assertThat(db.transactions().<Lifecycle>read(tx -> tx.port(ClaimRepository.class).find(old.id()).orElseThrow().lifecycle())).isEqualTo(Lifecycle.REBILLED);
        assertThat(vm.isRebill()).isFalse();
    }

    @Test
    void createsAPrescriberFromTheFormAndChoosesIt() {
        List<String> problems = new ArrayList<>();
        vm.createPrescriber("1234567893", "AB1234563", "Newman", "Ada", problems::add);

        assertThat(problems).containsExactly("");
        assertThat(vm.query(Lookup.PRESCRIBER).get()).isEqualTo("NEWMAN, ADA 1234567893");
        assertThat(vm.hintProperty(Lookup.PRESCRIBER).get()).startsWith("✓ NEWMAN, ADA");
    }

    @Test
    void refusesANewPrescriberWithABadDeaCheckDigit() {
        List<String> problems = new ArrayList<>();
        vm.createPrescriber("1234567893", "AB1234564", "Newman", "Ada", problems::add);

        assertThat(problems).singleElement().asString().startsWith("DEA number");
        assertThat(ChargeEntryViewModel.identifierProblem("DEA", "AB1234564")).startsWith("DEA ");
        assertThat(ChargeEntryViewModel.identifierProblem("NPI", "1234567893")).isEmpty();
    }

    @Test
    void createsADrugFromAnyNdcLayout() {
        List<String> problems = new ArrayList<>();
        vm.createDrug("0002-7597-01", "Insulin test", "100 U/ML", "VIAL", "ML", true, problems::add);

        assertThat(problems).containsExactly("");
        assertThat(vm.drugProperty().get().ndc()).isEqualTo("00002759701");
        assertThat(vm.drugProperty().get().ndcNative()).isEqualTo("0002-7597-01");
    }

    @Test
    void correctionModeSendsOnlyTheChangedFieldsAndTheCoreAuditsThem() {
        Claim saved = db.transactions().inTransaction(tx -> aPaidClaim(office).rx("7001300").record(tx));

        vm.startCorrection(saved.id());
        assertThat(vm.isCorrection()).isTrue();
        assertThat(vm.titleProperty().get()).isEqualTo("Correct Rx " + saved.rxFill() + " (claim #" + saved.id() + ")");
        vm.field(ClaimField.DAW).set("1");
        vm.field(ClaimField.CARDHOLDER_ID).set("ZQX00099999");
        vm.save();

        assertThat(vm.messageProperty().get()).startsWith("Corrected Rx " + saved.rxFill()).contains("2 field(s) changed");
        Claim after = db.transactions().read(tx -> tx.port(ClaimRepository.class).find(saved.id()).orElseThrow());
        assertThat(after.daw()).isEqualTo("1");
        assertThat(after.cardholderId()).isEqualTo("ZQX00099999");
        assertThat(db.transactions().<List<org.rxledger.core.security.AuditRecord>>read(tx -> tx.port(AuditTrail.class).forEntity("claim",
                String.valueOf(saved.id())))).last().satisfies(r -> assertThat(r.action()).isEqualTo("CLAIM_CORRECTED"));
        assertThat(vm.isCorrection()).isFalse();
    }

    @Test
    void aCorrectionOfAKeyFieldIsRefusedWithTheAdviceToRebill() {
        Claim saved = db.transactions().inTransaction(tx -> aPaidClaim(office).rx("7001301").record(tx));
        vm.startCorrection(saved.id());

        vm.field(ClaimField.RX_NUMBER).set("7001302");
        vm.save();

        assertThat(vm.messageProperty().get()).startsWith("Not saved: Rx number cannot be corrected").contains("rebill");
        assertThat(vm.problemProperty(ClaimField.RX_NUMBER).get()).contains("rebill");
    }

    @Test
    void aPartialCounterPaymentAndAChargeAccountLeaveTheRestOnTheHouseAccount() {
        enterClaimOne("7001240");
        vm.field(ClaimField.PATIENT_PAID_AT_POS).set("12.00");
        assertThat(vm.problem(ClaimField.PATIENT_PAID_AT_POS)).contains("more than the patient pay amount 10.00");
        vm.field(ClaimField.PATIENT_PAID_AT_POS).set("4.00");
        vm.field(ClaimField.CHARGE_ACCOUNT).set("maple ltc!");
        assertThat(vm.problem(ClaimField.CHARGE_ACCOUNT)).isNotEmpty();
        vm.field(ClaimField.CHARGE_ACCOUNT).set("maple-ltc");

        vm.save();

        assertThat(vm.messageProperty().get()).startsWith("Saved Rx 7001240-00");
        List<org.rxledger.core.collections.PatientAccount> accounts = new org.rxledger.core.collections.PatientAccountService(
                db.transactions()).accounts(java.time.LocalDate.of(2025, 3, 20));
        assertThat(accounts).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("H:MAPLE-LTC");
            assertThat(a.balance()).isEqualTo(org.rxledger.core.money.Money.parse("6.00"));
        });
    }
}
