/**
 * RLIF (Luo, Dong, Zhai, Ma, Levine, "RLIF: Interactive Imitation Learning as Reinforcement
 * Learning", ICLR 2024, https://arxiv.org/abs/2311.12996): off-policy reinforcement learning in the
 * RLPD style whose only reward is the overseer's decision to take over.
 */
package io.corrigo.plugin.rlif;
