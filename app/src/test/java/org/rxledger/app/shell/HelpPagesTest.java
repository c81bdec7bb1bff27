package org.rxledger.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpPagesTest {

    private final HelpPages pages = HelpPages.load();

    @Test
    void everyAreaHasItsOwnPageAndTheShortcutsComeLast() {
        for (Area a : Area.values()) {
            assertThat(pages.forArea(a).title()).isEqualTo(a.label());
        }
        assertThat(pages.all()).hasSize(Area.values().length + 2);
        assertThat(pages.all().get(Area.values().length).title()).isEqualTo("Keyboard shortcuts");
    }

    @Test
    void whatsNewIsTheTopSectionOfTheChangelogTheBuildCopiedIn() {
        assertThat(pages.page(HelpPages.WHATS_NEW).text()).startsWith("# What's new — Unreleased")
                .contains("F1 opens the user guide").doesNotContain("## Wave 1");
        assertThat(HelpPages.latestSection("# Changelog\n\n## 1.2.0\n### Added\n- A\n## 1.1.0\n- B\n"))
                .isEqualTo("# What's new — 1.2.0\n## Added\n- A\n");
    }

    @Test
    void searchFindsThePagesHoldingEveryWordInAnyCase() {
        assertThat(pages.search("WRITE-OFF approves")).extracting(HelpPages.Page::name).containsExactly("patient-accounts");
        assertThat(pages.search("ctrl+shift+e")).extracting(HelpPages.Page::name).contains("claims", "reports", "shortcuts");
        assertThat(pages.search("  ")).hasSameSizeAs(pages.all());
        assertThat(pages.search("qqzx xyzzy")).isEmpty();
    }

    @Test
    void theShortcutsPageNamesEveryAreaKey() {
        String text = pages.page(HelpPages.SHORTCUTS).text();
        for (String key : new String[] {"Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "Ctrl+6", "Ctrl+7", "Ctrl+8", "Ctrl+9",
                "Ctrl+N", "Ctrl+J", "Ctrl+K", "Ctrl+Shift+E", "F1"}) {
            assertThat(text).contains(key);
        }
    }
}
