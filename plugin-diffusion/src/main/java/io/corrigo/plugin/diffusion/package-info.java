/**
 * Diffusion Policy (Chi et al., "Diffusion Policy: Visuomotor Policy Learning via Action
 * Diffusion", RSS 2023, https://arxiv.org/abs/2303.04137): a denoiser trained to predict the noise
 * added to action chunks, sampled by DDPM or DDIM and executed with a receding horizon; interactive
 * as CLIC's baseline runs it (https://arxiv.org/abs/2502.07645).
 */
package io.corrigo.plugin.diffusion;
