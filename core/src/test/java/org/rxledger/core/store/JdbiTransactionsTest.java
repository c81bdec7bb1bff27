package org.rxledger.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rxledger.core.claim.ClaimRepository;
import org.rxledger.core.testdata.TestDatabases;

/** The store hands every area its ports by type (docs/adr/0018-areas-own-their-ports.md). */
class JdbiTransactionsTest {

    private final Database db = TestDatabases.fresh();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aTransactionKeepsOnePortInstanceAndTheNextTransactionGetsItsOwn() {
        List<ClaimRepository> first = db.transactions().read(tx -> List.of(tx.port(ClaimRepository.class),
                tx.port(ClaimRepository.class)));
        ClaimRepository next = db.transactions().read(tx -> tx.port(ClaimRepository.class));

        assertThat(first.get(0)).isSameAs(first.get(1));
        assertThat(next).isNotSameAs(first.get(0));
    }

    @Test
    void aPortTheStoreDoesNotImplementIsAProgrammingErrorNamingIt() {
        assertThatThrownBy(() -> db.transactions().read(tx -> tx.port(Runnable.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Runnable");
    }

    /** A new area's repository that nobody registered in JdbiTransactions fails here, not in front of a clerk. */
    @Test
    void everyRepositoryAndLogOfCoreIsImplementedByTheStore() {
        Set<String> logs = Set.of("Journal", "AuditTrail", "DisclosureLog", "ImportPublications");
        List<Class<?>> ports = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rxledger.core").stream()
                .filter(JavaClass::isInterface)
                .filter(c -> !c.getPackageName().startsWith("org.rxledger.core.store"))
                .filter(c -> c.getSimpleName().endsWith("Repository") || logs.contains(c.getSimpleName()))
                .<Class<?>>map(JavaClass::reflect)
                .toList();

        assertThat(ports).hasSizeGreaterThanOrEqualTo(18);
        db.transactions().read(tx -> {
            for (Class<?> port : ports) {
                assertThat(tx.port(port)).as(port.getName()).isInstanceOf(port);
            }
            return null;
        });
    }
}
