package org.rxledger.core.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.core.collections.CollectionsFixture.ADMIN;
import static org.rxledger.core.collections.CollectionsFixture.CLERK;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.rxledger.core.claim.Claim;
import org.rxledger.core.ledger.LedgerAccount;
import org.rxledger.core.money.Money;

/**
 * On a real H2, random offices of fills, statements, payments, write-offs and reversals: an account's balance is
 * always its copays less payments and approved write-offs plus reversals, equal to its items and to the ledger, and
 * no recommendation ever takes a fill whose plan still owes.
 */
class CollectionsLedgerProperties {

    private static final LocalDate START = LocalDate.of(2024, 6, 1);

    @Property(tries = 6)
    void theBalanceIsTheSumOfItsMovementsAndTheLedgerAndNoOpenThirdPartyFillIsWrittenOff(
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        try (CollectionsFixture f = new CollectionsFixture()) {
            Money expected = Money.ZERO;
            Set<Long> planOpen = new HashSet<>();
            int fills = 1 + random.nextInt(4);
            for (int i = 0; i < fills; i++) {
                boolean open = random.nextInt(4) == 0;
                Money copay = Money.ofCents(50 + random.nextInt(30_000));
                Claim c = f.fill(START.plusDays(random.nextInt(60)), copay.toString(), open);
                if (open) {
                    planOpen.add(c.id());
                }
                expected = expected.plus(copay);
            }
            f.statements(START.plusDays(70), 1 + random.nextInt(4));
            LocalDate day = START.plusDays(200);
            if (random.nextBoolean()) {
                Money owed = f.accounts.account(f.key(), day).account().balance();
                Money pay = Money.ofCents(1 + random.nextLong(owed.cents()));
                f.accounts.pay(CLERK, new PatientAccountService.Payment(f.key(), pay, PaymentMethod.COUNTER, "", day, List.of()));
                expected = expected.minus(pay);
            }
            if (random.nextBoolean()) {
                f.accounts.placeHold(CLERK, f.key(), HoldKind.DECEASED, "", day);
            }
            for (WriteOff w : f.writeOffs.recommend(CLERK, day.plusDays(120)).created()) {
                if (w.kind().claimScope()) {
                    // the plan's share given up (never paid): the patient's balance must not move
                    f.writeOffs.approve(ADMIN, w.id());
                    continue;
                }
                assertThat(w.items().stream().map(WriteOff.Item::claimId).filter(planOpen::contains).toList()).isEmpty();
                f.writeOffs.approve(ADMIN, w.id());
                expected = expected.minus(w.amount());
                if (random.nextBoolean()) {
                    f.writeOffs.reverse(ADMIN, w.id(), "recovered");
                    expected = expected.plus(w.amount());
                }
            }

            AccountDetail d = f.accounts.account(f.key(), day.plusDays(365));
            assertThat(d.account().balance()).isEqualTo(expected);
            assertThat(Money.sum(d.items().stream().map(AccountItem::balance).toList())).isEqualTo(expected);
            assertThat(Money.sum(d.activity().stream().map(AccountActivity::amount).toList())).isEqualTo(expected);
            assertThat(f.ledger(LedgerAccount.PATIENT_RECEIVABLE)).isEqualTo(expected);
        }
    }
}
