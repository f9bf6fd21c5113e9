package io.corrigo.core.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Command line")
@Feature("Printed commands")
class ShellTest {

    @Test
    void leavesPlainWordsAloneAndQuotesEverythingElseAsOneInertWord() {
        assertThat(Shell.quote("configs/quickstart.yaml")).isEqualTo("configs/quickstart.yaml");
        assertThat(Shell.quote("my study.yaml")).isEqualTo("'my study.yaml'");
        assertThat(Shell.quote("$(rm -rf ~)`id`.yaml")).isEqualTo("'$(rm -rf ~)`id`.yaml'");
        assertThat(Shell.quote("it's.yaml")).isEqualTo("'it'\\''s.yaml'");
        assertThat(Shell.quote("")).isEqualTo("''");
    }
}
