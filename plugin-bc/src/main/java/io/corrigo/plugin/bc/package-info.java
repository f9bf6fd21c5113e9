/**
 * Pointwise imitation on received labels: behaviour cloning, with absolute corrections HG-DAgger
 * (Kelly et al., ICRA 2019, https://arxiv.org/abs/1810.02890), and implicit behaviour cloning
 * (Florence et al., CoRL 2021, https://arxiv.org/abs/2109.00137), as CLIC runs them as baselines
 * (https://arxiv.org/abs/2502.07645).
 */
package io.corrigo.plugin.bc;
