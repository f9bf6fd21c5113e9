package io.corrigo.plugin.toys;

import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.plugin.toys.ParticleConfig.GoalOrder;
import io.corrigo.testkit.EnvironmentContract;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;

@Epic("Environments")
@Feature("particle")
class ParticleRandomOrderEnvironmentTest implements EnvironmentContract<ParticleConfig> {

    @Override
    public EnvironmentProvider<ParticleConfig> provider() {
        return new ParticleProvider();
    }

    @Override
    public ParticleConfig config() {
        return ParticleConfig.DEFAULTS.withGoalOrder(GoalOrder.RANDOM);
    }
}
