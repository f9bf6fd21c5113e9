/**
 * Simulated humans giving corrections, after CLIC's simulated teacher (Li et al., "From Action
 * Labels to Sets", <a href="https://arxiv.org/abs/2502.07645">arXiv:2502.07645</a>). Private package.
 */
package io.corrigo.plugin.oracle;
