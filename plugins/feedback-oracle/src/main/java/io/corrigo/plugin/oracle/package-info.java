/**
 * Simulated humans: CLIC's simulated teacher giving absolute, relative and partial corrections (Li
 * et al., "From Action Labels to Sets", <a href="https://arxiv.org/abs/2502.07645">arXiv:2502.07645</a>),
 * intervention gates after RLIF (Luo et al., <a href="https://arxiv.org/abs/2311.12996">arXiv:2311.12996</a>)
 * and HG-DAgger, DAgger's relabelling, and suboptimal (degraded, calibrated) experts for all of
 * them. Private package.
 */
package io.corrigo.plugin.oracle;
