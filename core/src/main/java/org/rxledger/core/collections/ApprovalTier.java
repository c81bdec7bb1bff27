package org.rxledger.core.collections;

import java.util.Locale;
import org.rxledger.core.money.Money;
import org.rxledger.core.access.Permission;

/** Who may approve a write-off (DOMAIN.md §6.2 approval levels); the limits are office settings. */
public enum ApprovalTier {
    CLERK(Permission.WRITEOFF_APPROVE_CLERK_TIER),
    SUPERVISOR(Permission.WRITEOFF_APPROVE_SUPERVISOR_TIER),
    BILLING_MANAGER(Permission.WRITEOFF_APPROVE_MANAGER_TIER),
    ADMIN(Permission.WRITEOFF_APPROVE_ADMIN_TIER);

    private final Permission permission;

    ApprovalTier(Permission permission) {
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }

    /** {@code billing_manager}, as {@code writeoffs … --json} prints it. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApprovalTier of(WriteOffKind kind, Money amount, CollectionSettings s) {
        return kind.alwaysTopTier() ? ADMIN : forAmount(amount, s);
    }

    /** The tier of a write-off by its amount alone (also the MFP refunds written off, which have no kind). */
    public static ApprovalTier forAmount(Money amount, CollectionSettings s) {
        if (amount.isGreaterThan(s.managerLimit())) {
            return ADMIN;
        }
        if (amount.isGreaterThan(s.supervisorLimit())) {
            return BILLING_MANAGER;
        }
        return amount.isGreaterThan(s.clerkLimit()) ? SUPERVISOR : CLERK;
    }
}
