package org.rxledger.app.shell;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.rxledger.app.AppContext;
import org.rxledger.app.settings.Settings;
import org.rxledger.core.security.Actor;
import org.rxledger.core.tx.Transactions;

/**
 * What the workstation window needs from the composition root. Tests build one around an in-memory
 * database; the app builds it from the {@link AppContext}.
 */
public record WorkstationSetup(Transactions transactions, Actor actor, Path dataDir, BooleanSupplier officeIsEmpty,
                               OfficeSeeder seeder, Settings settings) {

    public WorkstationSetup {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(officeIsEmpty, "officeIsEmpty");
        Objects.requireNonNull(seeder, "seeder");
        Objects.requireNonNull(settings, "settings");
    }

    public static WorkstationSetup of(AppContext ctx, OfficeSeeder seeder) {
        return new WorkstationSetup(ctx.transactions(), ctx.actor(), ctx.dataDir(), ctx::officeIsEmpty, seeder,
                Settings.user());
    }
}
