/**
 * Push-T (Chi et al., Diffusion Policy, arXiv:2303.04137; CLIC's variant) on dyn4j, with a scripted
 * quasi-static pusher as its teacher. Private package.
 */
package io.corrigo.plugin.pusht;
