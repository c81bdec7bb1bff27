package org.rxledger.core.contract;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.rxledger.core.access.Permission;
import org.rxledger.core.error.RxLedgerException;
import org.rxledger.core.id.Uuids;
import org.rxledger.core.journal.Journal;
import org.rxledger.core.money.Money;
import org.rxledger.core.payer.Routing;
import org.rxledger.core.security.AuditTrail;
import org.rxledger.core.task.ProgressListener;
import org.rxledger.core.tx.Transactions;
import org.rxledger.core.tx.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract use cases (docs/contracts.md): import contract versions and price files (all or nothing, one
 * transaction each with its journal event, audit record and change notice), hold claims against their contract,
 * acknowledge notices. Logs and records carry claim ids, file names and counts only.
 */
public final class ContractService {

    public static final String EVENT_CONTRACTS_IMPORTED = "contract.versions_imported";
    public static final String EVENT_PRICES_IMPORTED = "contract.prices_imported";
    public static final String EVENT_NOTICE_ACKNOWLEDGED = "contract.notice_acknowledged";
    /** A claim paid below its contract by no more than this is rounding, not an underpayment. */
    public static final Money DEFAULT_TOLERANCE = Money.parse("0.10");
    /** How far back a change is priced on past claims. */
    public static final int IMPACT_DAYS = 90;

    private static final Logger LOG = LoggerFactory.getLogger(ContractService.class);
    private static final int CHUNK = 5_000;

    private final Transactions transactions;

    public ContractService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** What an import did; nothing was written when there are errors. */
    public record ImportResult(int added, int unchanged, ContractRepository.Notice notice, List<ContractImportError> errors) {

        public ImportResult {
            errors = List.copyOf(errors);
        }

        public boolean succeeded() {
            return errors.isEmpty();
        }

        static ImportResult failed(List<ContractImportError> errors) {
            return new ImportResult(0, 0, null, errors);
        }
    }

    // ---- contract versions ------------------------------------------------------------------------------------

    public ImportResult importContracts(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return importContracts(file.getFileName().toString(), reader);
        } catch (MalformedInputException e) {
            return ImportResult.failed(List.of(notUtf8(file)));
        }
    }

    /** All or nothing: every row is checked, and its payer and routing found in the payer directory, before anything is stored. */
    public ImportResult importContracts(String fileName, Reader reader) {
        List<ContractImportError> errors = new ArrayList<>();
        List<ContractCsv.Row> rows = ContractCsv.read(fileName, reader, errors);
        if (!errors.isEmpty()) {
            return ImportResult.failed(errors);
        }
        return transactions.inTransaction(Permission.CONTRACTS_MANAGE, "import contract terms", tx -> {
            ContractRepository repo = tx.port(ContractRepository.class);
            List<ContractTerms> stored = repo.versions();
            List<ContractTerms> fresh = new ArrayList<>();
            int unchanged = 0;
            Map<Long, List<Routing>> routings = new HashMap<>();
            for (ContractCsv.Row row : rows) {
                ContractTerms t = row.terms();
                Optional<Long> payerId = repo.directoryPayerId(t.payerName());
                if (payerId.isEmpty()) {
                    errors.add(new ContractImportError(fileName, row.line(), "payer", "No payer named '" + t.payerName()
                            + "' in the payer directory (see payers list; add it with payers import)"));
                    continue;
                }
                List<Routing> own = routings.computeIfAbsent(payerId.get(), repo::routingsOf);
                if (!own.contains(t.routing())) {
                    errors.add(new ContractImportError(fileName, row.line(), "bin", t.routing().label()
                            + " is not a routing of " + t.payerName() + " in the payer directory (its routings: "
                            + (own.isEmpty() ? "none" : String.join("; ", own.stream().map(Routing::label).toList())) + ")"));
                    continue;
                }
                ContractTerms withPayer = new ContractTerms(0, t.contractName(), payerId.get(), t.payerName(), t.routing(),
                        t.effectiveFrom(), t.brand(), t.generic(), t.macList(), t.lesserOfUc(), t.transactionFee(),
                        t.postAdjPercent(), t.postAdjFlat());
                if (stored.stream().anyMatch(s -> sameVersion(s, withPayer) && withPayer.changesFrom(s).isEmpty())) {
                    unchanged++;
                } else if (stored.stream().anyMatch(s -> sameVersion(s, withPayer))) {
                    errors.add(new ContractImportError(fileName, row.line(), "effective_from", "Contract "
                            + t.contractName() + " for " + t.routing().label() + " already has other terms from "
                            + t.effectiveFrom() + "; a change takes a new effective date"));
                } else {
                    fresh.add(withPayer);
                }
            }
            if (!errors.isEmpty()) {
                return ImportResult.failed(errors);
            }
            UUID importId = Uuids.timeOrdered();
            ContractRepository.Notice notice = fresh.isEmpty() ? null : contractNotice(tx, fileName, stored, fresh, importId);
            Instant now = tx.clock().instant();
            repo.insertVersions(fresh, importId, fileName, now, tx.actor().user());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("importId", importId.toString());
            payload.put("file", fileName);
            payload.put("added", fresh.size());
            payload.put("unchanged", unchanged);
            tx.port(Journal.class).append(EVENT_CONTRACTS_IMPORTED, payload);
            tx.port(AuditTrail.class).record("CONTRACTS_IMPORTED", "contract_import", importId.toString(), payload);
            LOG.info("Contract import: {} version(s) added, {} unchanged", fresh.size(), unchanged);
            return new ImportResult(fresh.size(), unchanged, notice, List.of());
        });
    }

    private static boolean sameVersion(ContractTerms a, ContractTerms b) {
        return a.contractName().equalsIgnoreCase(b.contractName()) && a.routing().equals(b.routing())
                && a.effectiveFrom().equals(b.effectiveFrom());
    }

    /**
     * What the new versions change, priced on the last {@value #IMPACT_DAYS} days of claims as if each had been in
     * force all along (replacing the earlier versions of its contract and routing).
     */
    private static ContractRepository.Notice contractNotice(Tx tx, String fileName, List<ContractTerms> stored,
                                                            List<ContractTerms> fresh, UUID importId) {
        List<String> lines = new ArrayList<>();
        for (ContractTerms t : fresh) {
            Optional<ContractTerms> previous = stored.stream().filter(s -> s.contractName().equalsIgnoreCase(t.contractName())
                            && s.routing().equals(t.routing()) && s.effectiveFrom().isBefore(t.effectiveFrom()))
                    .max(java.util.Comparator.comparing(ContractTerms::effectiveFrom));
            lines.add(previous.map(p -> t.label() + ": " + String.join("; ", t.changesFrom(p)))
                    .orElse(t.label() + ": new contract (brand " + t.brand().label() + ", generic " + t.generic().label() + ")"));
        }
        List<ContractTerms> scenario = new ArrayList<>(stored.stream().filter(s -> fresh.stream().noneMatch(f ->
                f.contractName().equalsIgnoreCase(s.contractName()) && f.routing().equals(s.routing()))).toList());
        long firstTemp = Long.MAX_VALUE - fresh.size() + 1;
        long tempId = Long.MAX_VALUE;
        for (ContractTerms f : fresh) {
            scenario.add(new ContractTerms(tempId--, f.contractName(), f.payerId(), f.payerName(), f.routing(), LocalDate.MIN,
                    f.brand(), f.generic(), f.macList(), f.lesserOfUc(), f.transactionFee(), f.postAdjPercent(), f.postAdjFlat()));
        }
        Impact impact = impact(tx, (claim, book) -> {
            Optional<ContractTerms> before = ContractPricing.termsFor(stored, claim.bin(), claim.pcn(), claim.groupId(), claim.dateOfService());
            Optional<ContractTerms> after = ContractPricing.termsFor(scenario, claim.bin(), claim.pcn(), claim.groupId(), claim.dateOfService());
            if (after.isEmpty() || after.get().id() < firstTemp) {
                return null;
            }
            return new Expectation[] {before.map(b -> ContractPricing.expect(b, claim, book)).orElse(null),
                    ContractPricing.expect(after.get(), claim, book)};
        });
        String subject = "Contract update " + fileName + ": " + fresh.size() + " new version(s)";
        return storeNotice(tx, "CONTRACT", subject, String.join("\n", lines) + "\n" + impact.sentence("these terms"), impact, importId);
    }

    // ---- price lists ------------------------------------------------------------------------------------------

    public ImportResult importPrices(PriceKind kind, Path file, ProgressListener progress) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return importPrices(kind, file.getFileName().toString(), reader, progress);
        } catch (MalformedInputException e) {
            return ImportResult.failed(List.of(notUtf8(file)));
        }
    }

    /**
     * All or nothing: every row is read and checked first, then stored in batches in one transaction. Rows equal to
     * stored ones (same list, NDC, start and price; for invoices NDC, date, quantity and cost) are skipped, so a weekly
     * NADAC file that repeats last week's rows adds only what changed. A MAC list raises a change notice.
     */
    public ImportResult importPrices(PriceKind kind, String fileName, Reader reader, ProgressListener progress) {
        List<ContractImportError> errors = new ArrayList<>();
        List<PriceCsv.Price> prices = new ArrayList<>();
        List<PriceCsv.Invoice> invoices = new ArrayList<>();
        PriceCsv.read(kind, fileName, reader, errors, p -> {
            prices.add(p);
            if (prices.size() % 10_000 == 0) {
                progress.progress(prices.size(), -1, "Reading " + fileName);
            }
        }, invoices::add);
        if (errors.size() > 100) {
            int more = errors.size() - 100;
            errors.subList(100, errors.size()).clear();
            errors.add(new ContractImportError(fileName, 0, null, "… and " + more + " more error(s)"));
        }
        if (errors.isEmpty() && prices.isEmpty() && invoices.isEmpty()) {
            errors.add(new ContractImportError(fileName, 2, null, "The file has a header but no rows"));
        }
        if (!errors.isEmpty()) {
            return ImportResult.failed(errors);
        }
        return transactions.inTransaction(Permission.CONTRACTS_MANAGE, "import a " + kind + " price file", tx -> {
            ContractRepository repo = tx.port(ContractRepository.class);
            Set<String> known = repo.priceKeys(kind);
            Set<String> seen = new HashSet<>();
            List<PriceCsv.Price> freshPrices = new ArrayList<>();
            List<PriceCsv.Invoice> freshInvoices = new ArrayList<>();
            for (PriceCsv.Price p : prices) {
                String key = priceKey(p.list(), p.ndc(), p.from(), p.unitPrice());
                if (!known.contains(key) && seen.add(key)) {
                    freshPrices.add(p);
                }
            }
            for (PriceCsv.Invoice i : invoices) {
                String key = priceKey(i.quantity().stripTrailingZeros().toPlainString(), i.ndc(), i.date(), i.cost());
                if (!known.contains(key) && seen.add(key)) {
                    freshInvoices.add(i);
                }
            }
            int added = freshPrices.size() + freshInvoices.size();
            int unchanged = prices.size() + invoices.size() - added;
            UUID importId = Uuids.timeOrdered();
            ContractRepository.Notice notice = kind == PriceKind.MAC && !freshPrices.isEmpty()
                    ? macNotice(tx, fileName, freshPrices, importId) : null;
            Instant now = tx.clock().instant();
            repo.insertPriceImport(importId, kind, fileName, added, now, tx.actor().user());
            int total = added;
            for (int from = 0; from < freshPrices.size(); from += CHUNK) {
                if (progress.isCancelled()) {
                    throw new CancellationException("price import cancelled");
                }
                int done = Math.min(from + CHUNK, freshPrices.size());
                repo.insertPrices(freshPrices.subList(from, done), importId, n -> { });
                progress.progress(done, total, "Storing " + fileName);
            }
            repo.insertInvoices(freshInvoices, importId);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("importId", importId.toString());
            payload.put("kind", kind.name());
            payload.put("file", fileName);
            payload.put("added", added);
            payload.put("unchanged", unchanged);
            tx.port(Journal.class).append(EVENT_PRICES_IMPORTED, payload);
            tx.port(AuditTrail.class).record("PRICES_IMPORTED", "price_import", importId.toString(), payload);
            LOG.info("{} price import: {} row(s) added, {} already known", kind, added, unchanged);
            return new ImportResult(added, unchanged, notice, List.of());
        });
    }

    static String priceKey(String list, String ndc, LocalDate from, BigDecimal price) {
        return list.toUpperCase(Locale.ROOT) + "|" + ndc + "|" + from + "|" + price.stripTrailingZeros().toPlainString();
    }

    /**
     * NDCs whose MAC moved (against the price in force on the new row's start) or were added, and what the new prices
     * would have done to the last {@value #IMPACT_DAYS} days of claims priced on those lists.
     */
    private static ContractRepository.Notice macNotice(Tx tx, String fileName, List<PriceCsv.Price> fresh, UUID importId) {
        ContractRepository repo = tx.port(ContractRepository.class);
        Set<String> lists = new java.util.TreeSet<>();
        fresh.forEach(p -> lists.add(p.list()));
        MemoryPriceBook before = new MemoryPriceBook(repo.macPrices(lists), List.of());
        Map<String, BigDecimal> overrides = new HashMap<>();
        int lower = 0;
        int higher = 0;
        int addedNdcs = 0;
        for (PriceCsv.Price p : fresh) {
            Optional<BigDecimal> old = before.unitPrice(PriceBasis.MAC, p.list(), p.ndc(), p.from());
            int cmp = old.map(o -> p.unitPrice().compareTo(o)).orElse(0);
            if (old.isEmpty()) {
                addedNdcs++;
            } else if (cmp < 0) {
                lower++;
            } else if (cmp > 0) {
                higher++;
            } else {
                continue;
            }
            overrides.put(MemoryPriceBook.key(PriceBasis.MAC, p.list(), p.ndc()), p.unitPrice());
        }
        if (overrides.isEmpty()) {
            return null;
        }
        List<ContractTerms> versions = repo.versions();
        Impact impact = impact(tx, (claim, book) -> {
            Optional<ContractTerms> terms = ContractPricing.termsFor(versions, claim.bin(), claim.pcn(), claim.groupId(), claim.dateOfService());
            if (terms.isEmpty() || terms.get().formulaFor(claim.brand()).basis() != PriceBasis.MAC
                    || !overrides.containsKey(MemoryPriceBook.key(PriceBasis.MAC, terms.get().macList(), claim.ndc()))) {
                return null;
            }
            return new Expectation[] {ContractPricing.expect(terms.get(), claim, book),
                    ContractPricing.expect(terms.get(), claim, book.withOverrides(overrides))};
        });
        String subject = "MAC list " + String.join(", ", lists) + " (" + fileName + "): " + (lower + higher) + " price(s) moved";
        String summary = (lower + higher) + " NDC price(s) moved (" + lower + " lower, " + higher + " higher), "
                + addedNdcs + " NDC(s) added.\n" + impact.sentence("this MAC update");
        return storeNotice(tx, "MAC", subject, summary, impact, importId);
    }

    /**
     * Old and new expectation of one claim under a change (the old one null when no contract covered it), or null when
     * the change does not touch the claim.
     */
    @FunctionalInterface
    private interface Scenario {
        Expectation[] beforeAndAfter(ClaimToPrice claim, MemoryPriceBook book);
    }

    /** Σ (new − old expected) over the claims a change touches, with the window it was priced on. */
    record Impact(LocalDate from, LocalDate to, int claims, Money amount, int newlyPriced) {

        String sentence(String what) {
            String money = new DecimalFormat("#,##0.00").format(amount.abs().amount());
            String first = newlyPriced == 0 ? "" : " It prices " + newlyPriced + " claim(s) that had no contract price before.";
            if (claims == 0) {
                return "Priced on the claims of " + from + " to " + to + ", " + what + " would have changed no payment." + first;
            }
            return "Priced on the claims of " + from + " to " + to + ", " + what + " would have paid " + money
                    + (amount.isNegative() ? " less" : " more") + " on " + claims + " claim(s)." + first;
        }
    }

    private static Impact impact(Tx tx, Scenario scenario) {
        LocalDate to = LocalDate.now(tx.clock());
        LocalDate from = to.minusDays(IMPACT_DAYS);
        List<ClaimToPrice> claims = new ArrayList<>();
        tx.port(ContractRepository.class).claimsToPrice(from, to, null, claims::add);
        MemoryPriceBook book = book(tx, claims);
        int count = 0;
        int newlyPriced = 0;
        Money sum = Money.ZERO;
        for (ClaimToPrice c : claims) {
            Expectation[] pair = scenario.beforeAndAfter(c, book);
            if (pair == null || !pair[1].priced()) {
                continue;
            }
            if (pair[0] == null || !pair[0].priced()) {
                newlyPriced++;
                continue;
            }
            Money delta = pair[1].expected().minus(pair[0].expected());
            if (!delta.isZero()) {
                count++;
                sum = sum.plus(delta);
            }
        }
        return new Impact(from, to, count, sum, newlyPriced);
    }

    private static ContractRepository.Notice storeNotice(Tx tx, String kind, String subject, String summary, Impact impact,
                                                         UUID importId) {
        ContractRepository repo = tx.port(ContractRepository.class);
        long id = repo.insertNotice(kind, subject, summary, impact.claims(), impact.amount(), impact.from(), impact.to(),
                importId, tx.clock().instant(), tx.actor().user());
        return repo.notices().stream().filter(n -> n.id() == id).findFirst().orElseThrow();
    }

    private static MemoryPriceBook book(Tx tx, List<ClaimToPrice> claims) {
        Set<String> ndcs = new LinkedHashSet<>();
        claims.forEach(c -> ndcs.add(c.ndc()));
        ContractRepository repo = tx.port(ContractRepository.class);
        return new MemoryPriceBook(repo.prices(ndcs), repo.invoices(ndcs));
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    /** The MAC appeals of the same store (for screens that hold only this service). */
    public MacAppealService macAppeals() {
        return new MacAppealService(transactions);
    }

    public List<ContractTerms> versions() {
        return transactions.read(tx -> tx.port(ContractRepository.class).versions());
    }

    public List<ContractRepository.PriceImport> priceImports() {
        return transactions.read(tx -> tx.port(ContractRepository.class).priceImports());
    }

    /** Every paid claim with a date of service in the range, held against its contract and acquisition cost. */
    public List<ContractCheck> checks(LocalDate from, LocalDate to) {
        return transactions.read(tx -> checks(tx, from, to, null));
    }

    /** One claim against its contract (empty when it is not an adjudicated paid claim). */
    public Optional<ContractCheck> check(long claimId) {
        return transactions.read(tx -> checks(tx, null, null, claimId).stream().findFirst());
    }

    /** Remitted claims paid below their contract by more than {@code tolerance}, largest shortfall first. */
    public List<ContractCheck> underpaid(LocalDate from, LocalDate to, Money tolerance) {
        return checks(from, to).stream().filter(c -> c.underpaid(tolerance))
                .sorted(java.util.Comparator.comparing(ContractCheck::shortfall).reversed()).toList();
    }

    /** For the exceptions queue and the claim detail: the claims of the range (or the one claim) priced in one pass. */
    public static List<ContractCheck> checks(Tx tx, LocalDate from, LocalDate to, Long only) {
        List<ClaimToPrice> claims = new ArrayList<>();
        ContractRepository repo = tx.port(ContractRepository.class);
        repo.claimsToPrice(from, to, only, claims::add);
        if (claims.isEmpty()) {
            return List.of();
        }
        List<ContractTerms> versions = repo.versions();
        MemoryPriceBook book = book(tx, claims);
        List<ContractCheck> checks = new ArrayList<>(claims.size());
        for (ClaimToPrice c : claims) {
            Expectation e = ContractPricing.termsFor(versions, c.bin(), c.pcn(), c.groupId(), c.dateOfService())
                    .map(t -> ContractPricing.expect(t, c, book)).orElse(null);
            Money cost = book.acquisitionUnitCost(c.ndc(), c.dateOfService())
                    .map(u -> ContractPricing.acquisitionCost(u, c.quantity())).orElse(null);
            checks.add(new ContractCheck(c, e, cost));
        }
        return checks;
    }

    // ---- notices ----------------------------------------------------------------------------------------------

    public List<ContractRepository.Notice> notices() {
        return transactions.read(tx -> tx.port(ContractRepository.class).notices());
    }

    public List<ContractRepository.Notice> openNotices() {
        return notices().stream().filter(ContractRepository.Notice::open).toList();
    }

    /** Marks a notice as read by the signed-in user; a notice is acknowledged once. */
    public void acknowledge(long noticeId) {
        transactions.inTransaction(Permission.CONTRACTS_MANAGE, "acknowledge a contract change notice", tx -> {
            ContractRepository repo = tx.port(ContractRepository.class);
            ContractRepository.Notice n = repo.notices().stream().filter(x -> x.id() == noticeId).findFirst()
                    .orElseThrow(() -> new RxLedgerException("CONTRACT_NO_NOTICE", "No contract change notice " + noticeId));
            if (!n.open()) {
                throw new RxLedgerException("CONTRACT_NOTICE_ACKNOWLEDGED", "Notice " + noticeId + " was acknowledged by "
                        + n.acknowledgedBy() + " on " + n.acknowledgedAt());
            }
            repo.insertAcknowledgement(noticeId, tx.clock().instant(), tx.actor().user());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("noticeId", noticeId);
            tx.port(Journal.class).append(EVENT_NOTICE_ACKNOWLEDGED, payload);
            tx.port(AuditTrail.class).record("CONTRACT_NOTICE_ACKNOWLEDGED", "contract_notice", String.valueOf(noticeId), payload);
            return null;
        });
    }

    private static ContractImportError notUtf8(Path file) {
        return new ContractImportError(file.getFileName().toString(), 0, null,
                "The file is not UTF-8 text (a workbook, or Latin-1); save it as CSV UTF-8");
    }
}
