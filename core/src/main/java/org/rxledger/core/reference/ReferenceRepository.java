package org.rxledger.core.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: patients, prescribers, drugs, payers, plans and the pharmacy itself. */
public interface ReferenceRepository {

    Optional<Pharmacy> pharmacy();

    void savePharmacy(Pharmacy pharmacy);

    /** An office-wide setting (table office_setting), if set. */
    Optional<String> officeSetting(String name);

    /** Sets an office-wide setting (the caller audits the change). */
    void putOfficeSetting(String name, String value, java.time.Instant at, String by);

    Payer insertPayer(String name, String payerIdentifier);

    Optional<Payer> findPayerByName(String name);

    Optional<Payer> payer(long id);

    List<Payer> payers();

    Plan insertPlan(long payerId, String name, String bin, String pcn, String groupId);

    Optional<Plan> findPlan(String bin, String pcn, String groupId);

    Optional<Plan> plan(long id);

    List<Plan> plans();

    Patient insertPatient(String firstName, String lastName, LocalDate dateOfBirth, Patient.Gender gender);

    Optional<Patient> findPatient(String firstName, String lastName, LocalDate dateOfBirth);

    Optional<Patient> patient(long id);

    List<Patient> patients();

    Prescriber insertPrescriber(String npi, String dea, String lastName, String firstName);

    Optional<Prescriber> findPrescriberByNpi(String npi);

    Optional<Prescriber> prescriber(long id);

    List<Prescriber> prescribers();

    Drug insertDrug(Drug drug);

    Optional<Drug> findDrugByNdc(String ndc11);

    Optional<Drug> drug(long id);

    List<Drug> drugs();
}
