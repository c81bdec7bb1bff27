package org.rxledger.core.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.rxledger.core.reference.Drug;
import org.rxledger.core.reference.Patient;
import org.rxledger.core.reference.Payer;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.Plan;
import org.rxledger.core.reference.Prescriber;
import org.rxledger.core.reference.ReferenceRepository;

final class JdbiReferenceRepository implements ReferenceRepository {

    private static final RowMapper<Payer> PAYER = (rs, ctx) ->
            new Payer(rs.getLong("id"), rs.getString("name"), rs.getString("payer_identifier"));
    private static final RowMapper<Plan> PLAN = (rs, ctx) -> new Plan(rs.getLong("id"), rs.getLong("payer_id"),
            rs.getString("name"), rs.getString("bin"), rs.getString("pcn"), rs.getString("group_id"));
    private static final RowMapper<Patient> PATIENT = (rs, ctx) -> new Patient(rs.getLong("id"),
            rs.getString("first_name"), rs.getString("last_name"), rs.getObject("date_of_birth", LocalDate.class),
            Patient.Gender.valueOf(rs.getString("gender")));
    private static final RowMapper<Prescriber> PRESCRIBER = (rs, ctx) -> new Prescriber(rs.getLong("id"),
            rs.getString("npi"), rs.getString("dea"), rs.getString("last_name"), rs.getString("first_name"));
    private static final RowMapper<Drug> DRUG = (rs, ctx) -> new Drug(rs.getLong("id"), rs.getString("ndc"),
            rs.getString("ndc_native"), rs.getString("name"), rs.getString("strength"), rs.getString("form"),
            rs.getString("package_size"), rs.getString("unit_of_measure"), rs.getBoolean("brand"));

    private final Handle handle;

    JdbiReferenceRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<String> officeSetting(String name) {
        return handle.createQuery("SELECT setting FROM office_setting WHERE name = :n").bind("n", name)
                .mapTo(String.class).findOne();
    }

    @Override
    public void putOfficeSetting(String name, String value, java.time.Instant at, String by) {
        handle.createUpdate("""
                        MERGE INTO office_setting (name, setting, changed_at, changed_by) KEY (name)
                        VALUES (:n, :v, :at, :by)""")
                .bind("n", name).bind("v", value).bind("at", at.atOffset(java.time.ZoneOffset.UTC)).bind("by", by)
                .execute();
    }

    @Override
    public Optional<Pharmacy> pharmacy() {
        return handle.createQuery("SELECT * FROM pharmacy WHERE id = 1")
                .map((rs, ctx) -> new Pharmacy(rs.getString("name"), rs.getString("npi"), rs.getString("ncpdp_id"),
                        rs.getString("address"), rs.getString("city"), rs.getString("state"), rs.getString("zip"),
                        rs.getString("phone")))
                .findOne();
    }

    @Override
    public void savePharmacy(Pharmacy p) {
        handle.createUpdate("""
                        MERGE INTO pharmacy (id, name, npi, ncpdp_id, address, city, state, zip, phone)
                        KEY (id) VALUES (1, :name, :npi, :ncpdp, :address, :city, :state, :zip, :phone)""")
                .bind("name", p.name()).bind("npi", p.npi()).bind("ncpdp", p.ncpdpId()).bind("address", p.address())
                .bind("city", p.city()).bind("state", p.state()).bind("zip", p.zip()).bind("phone", p.phone())
                .execute();
    }

    @Override
    public Payer insertPayer(String name, String payerIdentifier) {
        long id = handle.createUpdate("INSERT INTO payer (name, payer_identifier) VALUES (:name, :pid)")
                .bind("name", name).bind("pid", payerIdentifier)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new Payer(id, name, payerIdentifier);
    }

    @Override
    public Optional<Payer> findPayerByName(String name) {
        return handle.createQuery("SELECT * FROM payer WHERE name = :name").bind("name", name).map(PAYER).findOne();
    }

    @Override
    public Optional<Payer> payer(long id) {
        return handle.createQuery("SELECT * FROM payer WHERE id = :id").bind("id", id).map(PAYER).findOne();
    }

    @Override
    public List<Payer> payers() {
        return handle.createQuery("SELECT * FROM payer ORDER BY name").map(PAYER).list();
    }

    @Override
    public Plan insertPlan(long payerId, String name, String bin, String pcn, String groupId) {
        long id = handle.createUpdate("""
                        INSERT INTO plan (payer_id, name, bin, pcn, group_id) VALUES (:payer, :name, :bin, :pcn, :grp)""")
                .bind("payer", payerId).bind("name", name).bind("bin", bin).bind("pcn", nz(pcn)).bind("grp", nz(groupId))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new Plan(id, payerId, name, bin, nz(pcn), nz(groupId));
    }

    @Override
    public Optional<Plan> findPlan(String bin, String pcn, String groupId) {
        return handle.createQuery("SELECT * FROM plan WHERE bin = :bin AND pcn = :pcn AND group_id = :grp")
                .bind("bin", bin).bind("pcn", nz(pcn)).bind("grp", nz(groupId)).map(PLAN).findOne();
    }

    @Override
    public Optional<Plan> plan(long id) {
        return handle.createQuery("SELECT * FROM plan WHERE id = :id").bind("id", id).map(PLAN).findOne();
    }

    @Override
    public List<Plan> plans() {
        return handle.createQuery("SELECT * FROM plan ORDER BY name").map(PLAN).list();
    }

    @Override
    public Patient insertPatient(String firstName, String lastName, LocalDate dateOfBirth, Patient.Gender gender) {
        long id = handle.createUpdate("""
                        INSERT INTO patient (first_name, last_name, date_of_birth, gender)
                        VALUES (:first, :last, :dob, :gender)""")
                .bind("first", firstName).bind("last", lastName).bind("dob", dateOfBirth).bind("gender", gender.name())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new Patient(id, firstName, lastName, dateOfBirth, gender);
    }

    @Override
    public Optional<Patient> findPatient(String firstName, String lastName, LocalDate dateOfBirth) {
        return handle.createQuery("""
                        SELECT * FROM patient WHERE first_name = :first AND last_name = :last AND date_of_birth = :dob""")
                .bind("first", firstName).bind("last", lastName).bind("dob", dateOfBirth).map(PATIENT).findOne();
    }

    @Override
    public Optional<Patient> patient(long id) {
        return handle.createQuery("SELECT * FROM patient WHERE id = :id").bind("id", id).map(PATIENT).findOne();
    }

    @Override
    public List<Patient> patients() {
        return handle.createQuery("SELECT * FROM patient ORDER BY last_name, first_name").map(PATIENT).list();
    }

    @Override
    public Prescriber insertPrescriber(String npi, String dea, String lastName, String firstName) {
        long id = handle.createUpdate("""
                        INSERT INTO prescriber (npi, dea, last_name, first_name) VALUES (:npi, :dea, :last, :first)""")
                .bind("npi", npi).bind("dea", dea).bind("last", lastName).bind("first", nz(firstName))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new Prescriber(id, npi, dea, lastName, nz(firstName));
    }

    @Override
    public Optional<Prescriber> findPrescriberByNpi(String npi) {
        return handle.createQuery("SELECT * FROM prescriber WHERE npi = :npi").bind("npi", npi).map(PRESCRIBER).findOne();
    }

    @Override
    public Optional<Prescriber> prescriber(long id) {
        return handle.createQuery("SELECT * FROM prescriber WHERE id = :id").bind("id", id).map(PRESCRIBER).findOne();
    }

    @Override
    public List<Prescriber> prescribers() {
        return handle.createQuery("SELECT * FROM prescriber ORDER BY last_name, first_name").map(PRESCRIBER).list();
    }

    @Override
    public Drug insertDrug(Drug d) {
        long id = handle.createUpdate("""
                        INSERT INTO drug (ndc, ndc_native, name, strength, form, package_size, unit_of_measure, brand)
                        VALUES (:ndc, :native, :name, :strength, :form, :pkg, :uom, :brand)""")
                .bind("ndc", d.ndc()).bind("native", d.ndcNative()).bind("name", d.name()).bind("strength", d.strength())
                .bind("form", d.form()).bind("pkg", d.packageSize()).bind("uom", d.unitOfMeasure()).bind("brand", d.brand())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new Drug(id, d.ndc(), d.ndcNative(), d.name(), d.strength(), d.form(), d.packageSize(), d.unitOfMeasure(),
                d.brand());
    }

    @Override
    public Optional<Drug> findDrugByNdc(String ndc11) {
        return handle.createQuery("SELECT * FROM drug WHERE ndc = :ndc").bind("ndc", ndc11).map(DRUG).findOne();
    }

    @Override
    public Optional<Drug> drug(long id) {
        return handle.createQuery("SELECT * FROM drug WHERE id = :id").bind("id", id).map(DRUG).findOne();
    }

    @Override
    public List<Drug> drugs() {
        return handle.createQuery("SELECT * FROM drug ORDER BY name").map(DRUG).list();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
