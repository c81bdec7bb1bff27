package org.rxledger.core.office;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.id.Npi;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.security.Account;
import org.rxledger.core.security.AccountRepository;
import org.rxledger.core.security.AccountService;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.access.Role;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;

/**
 * Use case: set up a new office in an empty data folder (issue 16 item 1, {@code rxledger init}):
 * the pharmacy's identity that packets, UCF forms and statements print, and the first account, an
 * administrator. Refused in a folder that already holds an office, so nothing is overwritten.
 */
public final class OfficeSetup {

    private static final Pattern NCPDP_ID = Pattern.compile("\\d{7}");

    private final Transactions transactions;
    private final AccountService accounts;

    public OfficeSetup(Transactions transactions, AccountService accounts) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    /** A command to set up an office; validated on construction, each problem named in words. */
    public record NewOffice(String pharmacyName, String npi, String ncpdpId, String address, String city, String state,
                            String zip, String phone) {
        public NewOffice {
            if (pharmacyName == null || pharmacyName.isBlank() || pharmacyName.strip().length() > 120) {
                throw new RxLedgerException("OFFICE_NAME_INVALID", "The office name must be 1 to 120 characters.");
            }
            pharmacyName = pharmacyName.strip();
            String npiProblem = npi == null ? "is missing" : Npi.problem(npi);
            if (npiProblem != null) {
                throw new RxLedgerException("OFFICE_NPI_INVALID", "The pharmacy's NPI " + npiProblem
                        + " (10 digits with a valid check digit expected).");
            }
            if (ncpdpId == null || !NCPDP_ID.matcher(ncpdpId).matches()) {
                throw new RxLedgerException("OFFICE_NCPDP_INVALID", "NCPDP provider id '" + (ncpdpId == null ? "" : ncpdpId)
                        + "' must be 7 digits.");
            }
            if (state != null && !state.isBlank() && !state.strip().matches("[A-Za-z]{2}")) {
                throw new RxLedgerException("OFFICE_STATE_INVALID", "State '" + state + "' must be a two-letter code.");
            }
            state = state == null || state.isBlank() ? null : state.strip().toUpperCase(java.util.Locale.ROOT);
        }

        Pharmacy pharmacy() {
            return new Pharmacy(pharmacyName, npi, ncpdpId, address, city, state, zip, phone);
        }
    }

    /** True when the folder holds no office yet: no pharmacy, no claims, no accounts. */
    public boolean folderIsEmpty() {
        return transactions.read(tx -> !holdsAnOffice(tx));
    }

    /**
     * Saves the pharmacy and creates the first administrator.
     *
     * @throws RxLedgerException {@code OFFICE_EXISTS} in a folder that already holds an office
     */
    public Account initialise(NewOffice office, String adminName, String adminDisplayName, char[] adminPassword) {
        AccountService.NewAccount admin = new AccountService.NewAccount(adminName, adminDisplayName, Set.of(Role.ADMIN),
                adminPassword);
        return transactions.inTransaction(tx -> {
            if (holdsAnOffice(tx)) {
                throw new RxLedgerException("OFFICE_EXISTS", "This data folder already holds an office; nothing was "
                        + "changed. Choose an empty folder with --data DIR.");
            }
            Account created = accounts.createFirstAdmin(tx, admin);
            tx.port(ReferenceRepository.class).savePharmacy(office.pharmacy());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("pharmacy", office.pharmacyName());
            detail.put("npi", office.npi());
            detail.put("ncpdpId", office.ncpdpId());
            tx.port(AuditTrail.class).record("OFFICE_INITIALISED", "pharmacy", office.ncpdpId(), detail);
            tx.port(Journal.class).append("office.initialised", detail);
            return created;
        });
    }

    private static boolean holdsAnOffice(Tx tx) {
        return tx.port(ReferenceRepository.class).pharmacy().isPresent() || tx.port(ClaimRepository.class).count() > 0
                || tx.port(AccountRepository.class).count() > 0;
    }
}
