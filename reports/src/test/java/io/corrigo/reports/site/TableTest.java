package io.corrigo.reports.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Reports")
@Feature("Report API")
class TableTest {

    @Test
    void quotesFieldsWithSeparatorsQuotesOrLineBreaks() {
        String csv = Table.of("name", "value", "note").row("a,b", 1.5, "say \"hi\"").row("plain", Double.NaN, "x\ny")
                .build().csv();
        assertThat(csv).isEqualTo("name,value,note\r\n\"a,b\",1.5,\"say \"\"hi\"\"\"\r\nplain,,\"x\ny\"\r\n");
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> Table.of("a", "b").row(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
