package io.corrigo.example.knn;

import io.corrigo.api.learner.LearnerProvider;
import io.corrigo.testkit.LearnerContract;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;

@Epic("Learners")
@Feature("knn (example drop-in)")
class KnnLearnerTest implements LearnerContract<KnnConfig> {

    @Override
    public LearnerProvider<KnnConfig> provider() {
        return new KnnLearnerProvider();
    }
}
