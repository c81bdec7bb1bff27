package org.rxledger.reports.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.rxledger.core.audit.AuditCaseService;
import org.rxledger.core.audit.AuditPacketAssembler;
import org.rxledger.core.audit.AuditType;
import org.rxledger.core.audit.NewAuditCase;
import org.rxledger.core.reference.ReferenceRepository;
import org.rxledger.core.reporting.StoredRemittanceHistory;
import org.rxledger.core.audit.RequestedLine;
import org.rxledger.core.claim.ClaimRecorder;
import org.rxledger.core.reference.Pharmacy;
import org.rxledger.core.store.Database;
import org.rxledger.core.testdata.ClaimBuilder;
import org.rxledger.core.testdata.TestDatabases;
import org.rxledger.core.testdata.TestOffice;
import org.rxledger.reports.pdf.AuditPacketExport;
import org.rxledger.reports.pdf.AuditPacketPdfWriter;
import org.rxledger.reports.pdf.PacketProgress;
import org.rxledger.reports.pdf.PdfFonts;

/**
 * Benchmark (not a timed test): the one-click packet for a 500-claim desk audit — assemble from
 * H2, lay out, embed the font, save, hash, record the disclosure ({@link AuditPacketExport}).
 * No documents are attached, so each claim also gets its "Not on file" pages. Target ≤ 5 s.
 *
 * <pre>
 * ./mvnw -B -o -pl core,reports -am -Dtest=PacketBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Drxledger.bench=true test
 * </pre>
 * runs {@link #main} in a forked JVM with -Xmx256m ({@code -Drxledger.bench.claims=N} changes the size).
 */
@EnabledIfSystemProperty(named = "rxledger.bench", matches = "true")
class PacketBenchmark {

    @Test
    void run() throws Exception {
        Forked.run(PacketBenchmark.class, System.getProperty("rxledger.bench.heap", "256m"));
    }

    public static void main(String[] args) throws IOException {
        int claims = Integer.getInteger("rxledger.bench.claims", 500);
        Path dir = Files.createTempDirectory("packet-bench");
        try (Database db = TestDatabases.fresh()) {
            TestOffice office = TestOffice.create(db.transactions());
            List<RequestedLine> lines = new ArrayList<>();
            db.transactions().inTransaction(tx -> {
                tx.port(ReferenceRepository.class).savePharmacy(new Pharmacy("Main Street Pharmacy", "1234567893", "0312345", "12 Main St",
                        "Springfield", "IL", "62701", "217-555-0100"));
                for (int i = 0; i < claims; i++) {
                    String rx = String.valueOf(7_100_000 + i / 3);
                    LocalDate dos = LocalDate.of(2025, 1, 2).plusDays(30L * (i % 3));
                    ClaimRecorder.record(tx, ClaimBuilder.aPaidClaim(office).rx(rx).fill(i % 3).dateOfService(dos).build(),
                            office.payer().id());
                    lines.add(new RequestedLine(rx, i % 3, dos));
                }
                return null;
            });
            AuditCaseService service = new AuditCaseService(db.transactions(), dir, TestDatabases.CLOCK);
            service.create(new NewAuditCase("ACME Audit Services", "BENCH-1", AuditType.DESK, LocalDate.of(2025, 3, 1),
                    LocalDate.of(2025, 3, 31), ""), lines);
            AuditPacketExport export = new AuditPacketExport(
                    new AuditPacketAssembler(db.transactions(), dir, new StoredRemittanceHistory(db.transactions()), TestDatabases.CLOCK),
                    new AuditPacketPdfWriter(PdfFonts.locate(), ZoneOffset.UTC), service);
            List<Long> times = new ArrayList<>();
            AuditPacketPdfWriter.Result result = null;
            for (int run = 0; run < 4; run++) {
                long t0 = System.nanoTime();
                result = export.export("BENCH-1", dir.resolve("packet.pdf"), PacketProgress.NONE);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (run > 0) {
                    times.add(ms);
                }
            }
            AuditPacketAssembler assembler = new AuditPacketAssembler(db.transactions(), dir, new StoredRemittanceHistory(db.transactions()),
                    TestDatabases.CLOCK);
            long a0 = System.nanoTime();
            var packet = assembler.assemble("BENCH-1");
            long a1 = System.nanoTime();
            new AuditPacketPdfWriter(PdfFonts.locate(), ZoneOffset.UTC).write(packet, dir.resolve("p2.pdf"), PacketProgress.NONE);
            long a2 = System.nanoTime();
            System.out.printf("Packet benchmark breakdown: assemble %d ms, write PDF %d ms%n", (a1 - a0) / 1_000_000,
                    (a2 - a1) / 1_000_000);
            Files.deleteIfExists(dir.resolve("p2.pdf"));
            Long[] sorted = times.toArray(new Long[0]);
            Arrays.sort(sorted);
            System.out.printf("Packet benchmark: %d claims, %d pages, %,d KB; median %d ms (runs %s); max heap %d MB%n",
                    claims, result.pageCount(), Files.size(result.file()) / 1024, sorted[sorted.length / 2], times,
                    Runtime.getRuntime().maxMemory() >> 20);
            Files.deleteIfExists(result.file());
        }
    }
}
