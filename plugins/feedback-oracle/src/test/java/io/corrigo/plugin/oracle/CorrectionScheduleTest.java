package io.corrigo.plugin.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.Test;

@Epic("Feedback")
@Feature("absolute")
class CorrectionScheduleTest {

    @Test
    void consultsOnMultiplesOfTheInterval() {
        CorrectionSchedule schedule = new CorrectionSchedule(3, true);
        assertThat(schedule.consults(1)).isFalse();
        assertThat(schedule.consults(2)).isFalse();
        assertThat(schedule.consults(3)).isTrue();
        assertThat(schedule.consults(6)).isTrue();
    }

    @Test
    void banksUnusedScheduledSlotsAndSpendsThemOffSchedule() {
        CorrectionSchedule schedule = new CorrectionSchedule(3, true);
        schedule.record(3, false);
        schedule.record(6, false);
        assertThat(schedule.bank()).isEqualTo(2);
        assertThat(schedule.consults(7)).isTrue();
        schedule.record(7, true);
        schedule.record(8, false);
        assertThat(schedule.bank()).as("an off-schedule step without a correction costs nothing").isEqualTo(1);
        schedule.record(9, true);
        assertThat(schedule.bank()).as("a scheduled correction costs nothing").isEqualTo(1);
        schedule.record(10, true);
        assertThat(schedule.bank()).isZero();
        assertThat(schedule.consults(11)).isFalse();
    }

    @Test
    void withoutBankingNeverConsultsOffSchedule() {
        CorrectionSchedule schedule = new CorrectionSchedule(2, false);
        schedule.record(2, false);
        schedule.record(4, false);
        assertThat(schedule.bank()).isZero();
        assertThat(schedule.consults(5)).isFalse();
    }

    @Test
    void refusesToBookAStepThatWasNotAConsultation() {
        CorrectionSchedule schedule = new CorrectionSchedule(2, true);
        assertThatThrownBy(() -> schedule.record(1, true)).isInstanceOf(IllegalStateException.class);
    }
}
