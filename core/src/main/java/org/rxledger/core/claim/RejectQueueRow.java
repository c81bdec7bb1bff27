package org.rxledger.core.claim;

import java.time.LocalDate;
import java.util.List;

/** A follow-up joined with what a clerk needs to recognise the claim (read model of the queue). */
public record RejectQueueRow(RejectFollowUp followUp, String rxNumber, int fillNumber, LocalDate dateOfService,
                             String patientName, String planName, String bin, String drugName, List<String> rejectCodes) {

    public RejectQueueRow {
        rejectCodes = List.copyOf(rejectCodes);
    }
}
