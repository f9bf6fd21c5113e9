/**
 * Cheap CPU environments with analytic teachers: the two-route obstacle task, the IBC particle task,
 * and CLIC's toys (the desired-action ball, square and two circles; one- and two-ball line following).
 */
package io.corrigo.plugin.toys;
