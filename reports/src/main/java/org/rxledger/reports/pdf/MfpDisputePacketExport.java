package org.rxledger.reports.pdf;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import org.rxledger.core.mfp.MfpDisputePacket;
import org.rxledger.core.mfp.MfpOpenItemsCsv;
import org.rxledger.core.mfp.MfpRefund;

/**
 * A dispute packet as it leaves the office, the same from the command line and the MFP refunds tab: the PDF and,
 * beside it, the claims as CSV ({@code F.pdf} → {@code F.csv}).
 */
public final class MfpDisputePacketExport {

    /** The PDF written (pages, SHA-256) and the CSV beside it. */
    public record Written(AuditPacketPdfWriter.Result pdf, Path csv) {
    }

    private MfpDisputePacketExport() {
    }

    public static Written write(MfpDisputePacket packet, LocalDateTime printedAt, Path pdf) throws IOException {
        Path csv = pdf.resolveSibling(pdf.getFileName().toString().replaceFirst("(?i)\\.pdf$", "") + ".csv");
        AuditPacketPdfWriter.Result result = new MfpDisputePacketPdfWriter().write(packet, printedAt, pdf);
        writeCsv(packet.refunds(), csv);
        return new Written(result, csv);
    }

    /** The claim list CSV ({@link MfpOpenItemsCsv}), written to a temporary file and moved into place. */
    public static void writeCsv(List<MfpRefund> refunds, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".mfp-", ".csv");
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                MfpOpenItemsCsv.write(refunds, w);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
