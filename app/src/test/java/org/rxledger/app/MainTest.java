package org.rxledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void findsTheDataOptionInEitherSpellingAnywhereOnTheLine() {
        assertThat(Main.dataOption(new String[] {"claims", "list", "--data", "/x/y"})).isEqualTo(Path.of("/x/y"));
        assertThat(Main.dataOption(new String[] {"--data=/a", "demo"})).isEqualTo(Path.of("/a"));
        assertThat(Main.dataOption(new String[] {"demo"})).isNull();
        assertThat(Main.dataOption(new String[] {"demo", "--data"})).isNull();
    }
}
