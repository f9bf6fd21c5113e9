package io.corrigo.plugin.diffusion;

import io.corrigo.api.run.RunContext;
import io.corrigo.djl.Deviations;
import java.util.List;
import java.util.Locale;

/** What a diffusion trial records in its manifest: the network, the sampler, and every deviation from the defaults. */
final class DiffusionNotes {

    private DiffusionNotes() {
    }

    static void record(RunContext context, DiffusionConfig config, Denoiser denoiser, DiffusionSampler sampler) {
        context.note("diffusion.denoiser", denoiser.describe());
        context.note("diffusion.horizons", String.format(Locale.ROOT,
                "To %d, Tp %d, Ta %d (Diffusion Policy's low-dim Push-T: 2, 16, 8; CLIC's baseline: 1, 1, 1)",
                config.observationHorizon(), config.predictionHorizon(), config.executionHorizon()));
        context.note("diffusion.sampling", config.sampler() == DiffusionConfig.Sampler.DDPM
                ? "DDPM over all " + config.diffusionSteps() + " steps, x0 clipped to [-1, 1]"
                : String.format(Locale.ROOT, "DDIM over timesteps %s, eta %.3g, x0 clipped to [-1, 1]",
                        java.util.Arrays.toString(sampler.timesteps()), config.eta()));
        context.note("diffusion.weights", config.ema()
                ? "acts with the EMA of the weights (power " + config.emaPower() + ", max " + config.emaMaxDecay() + ")"
                : "acts with the trained weights (no EMA)");
        context.note("diffusion.normalisation", "min-max to [-1, 1] over the observation and action spaces' bounds"
                + " (Diffusion Policy: over the training data's range; fixed bounds keep interactive data from rescaling"
                + " the network's inputs)");
        List<String> deviations = Deviations.of(config, DiffusionConfig.DEFAULTS);
        context.note("diffusion.deviations", deviations.isEmpty() ? "none" : String.join("; ", deviations));
    }
}
