package org.rxledger.core.audit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The audit letter's header as a clerk enters it (or the CLI passes it). Self-validating: a due date
 * before the letter date is a typing error, not an audit.
 */
public record NewAuditCase(String pbmName, String auditId, AuditType type, LocalDate letterDate, LocalDate dueDate,
                           String contact) {

    public NewAuditCase {
        pbmName = required(pbmName, "PBM / auditor name");
        auditId = required(auditId, "audit id");
        Objects.requireNonNull(type, "audit type");
        Objects.requireNonNull(letterDate, "letter date");
        Objects.requireNonNull(dueDate, "due date");
        contact = contact == null ? "" : contact.strip();
        if (auditId.length() > 40) {
            throw new IllegalArgumentException("the audit id is longer than 40 characters");
        }
        if (dueDate.isBefore(letterDate)) {
            throw new IllegalArgumentException("the due date " + dueDate + " is before the letter date " + letterDate);
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        return value.strip();
    }
}
