package io.corrigo.plugin.classic;

import io.corrigo.api.PluginId;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.run.RunContext;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/** Provides the continuous-force cart-pole task (Gym {@code CartPole} equations, baselines.md §6). */
@Component(service = EnvironmentProvider.class)
@PluginId("cartpole")
public final class CartPoleProvider implements EnvironmentProvider<CartPoleConfig> {

    @Override
    public Class<CartPoleConfig> configType() {
        return CartPoleConfig.class;
    }

    @Override
    public CartPoleConfig defaultConfig() {
        return CartPoleConfig.DEFAULTS;
    }

    @Override
    public String description() {
        return "Cart-pole balancing with a continuous force (Gym CartPole equations after Barto, Sutton &"
                + " Anderson 1983; discrete LQR expert)";
    }

    @Override
    public Environment create(CartPoleConfig config, RunContext context) {
        return new CartPoleEnvironment(Objects.requireNonNull(config, "config"));
    }
}
