/**
 * Classic control tasks with analytic experts (baselines.md §6): Gym's pendulum swing-up with an
 * energy-pumping expert, cart-pole with a discrete LQR expert, and a kinematic two-link reacher with
 * an inverse-kinematics expert that has two modes (elbow up and down).
 */
package io.corrigo.plugin.classic;
