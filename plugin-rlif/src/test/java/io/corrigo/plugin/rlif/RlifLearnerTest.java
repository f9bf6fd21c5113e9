package io.corrigo.plugin.rlif;

import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.testkit.LearnerContract;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.List;

@Epic("Learners")
@Feature("rlif")
class RlifLearnerTest implements LearnerContract<RlifConfig> {

    @Override
    public LearnerProvider<RlifConfig> provider() {
        return new RlifLearnerProvider();
    }

    @Override
    public RlifConfig config() {
        return new RlifConfig(List.of(16), List.of(16), 3, 2, 2, 8, 3e-4, 0.99, 0.005, 1.0, 0.5, 20, 1000, 0.5,
                RlifConfig.TeacherSteps.ALL, RlifConfig.Failure.BOOTSTRAP);
    }
}
