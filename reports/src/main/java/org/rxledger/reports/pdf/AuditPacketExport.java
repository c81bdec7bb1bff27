package org.rxledger.reports.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.rxledger.core.audit.AuditCaseService;
import org.rxledger.core.audit.AuditPacket;
import org.rxledger.core.audit.AuditPacketAssembler;

/**
 * The "generate packet" use case end to end, for the UI and the CLI
 * ({@code rxledger audit packet --id AUDIT_ID --out FILE.pdf}): assemble the data, write the PDF,
 * then record the disclosure (who, when, claims, page count, SHA-256) in the audit trail. The
 * record is written only once the file is in place, so a cancelled or failed run discloses nothing.
 */
public final class AuditPacketExport {

    private final AuditPacketAssembler assembler;
    private final AuditPacketPdfWriter writer;
    private final AuditCaseService cases;

    public AuditPacketExport(AuditPacketAssembler assembler, AuditPacketPdfWriter writer, AuditCaseService cases) {
        this.assembler = Objects.requireNonNull(assembler, "assembler");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.cases = Objects.requireNonNull(cases, "cases");
    }

    /**
     * @throws org.rxledger.core.audit.AuditCaseException     unknown audit id or pharmacy not set up
     * @throws java.util.concurrent.CancellationException when {@code progress} cancels
     */
    public AuditPacketPdfWriter.Result export(String auditId, Path target, PacketProgress progress) throws IOException {
        AuditPacket packet = assembler.assemble(auditId);
        AuditPacketPdfWriter.Result result = writer.write(packet, target, progress);
        cases.recordPacketGenerated(packet.auditCase().auditId(), result.pageCount(), result.sha256());
        return result;
    }
}
