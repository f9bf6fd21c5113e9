/**
 * Behaviour cloning on received labels; with absolute corrections, HG-DAgger
 * (Kelly et al., ICRA 2019, https://arxiv.org/abs/1810.02890) as CLIC runs it (https://arxiv.org/abs/2502.07645).
 */
package io.corrigo.plugin.bc;
