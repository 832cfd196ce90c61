// Package chart draws Parley's figures with gonum.org/v1/plot: estimates
// with their 95% intervals and paired differences (Estimates,
// Differences), histograms of binned counts (Histogram), a metric against
// a parameter with interval bands (Lines), a heat map over a grid of two
// parameters or a game's payoff matrix (Heatmap), and ranked bars such as
// Sobol indices (RankedBars); TextBar draws a probability as a compact
// bar of block characters for terminal tables.
//
// The builders take plain data (labels, values, intervals), not sim
// types, so the package depends on nothing of Parley's own; sim and model
// never import it. Each builder returns a *Figure, checked when it is
// built: a bad input (mismatched lengths, an infinite value, nothing to
// draw) is kept in the figure and returned by Err and by Render, which
// never panics on input. NaN means "not observed" (an estimate over no
// episodes): it is skipped where a builder says so.
//
// Every figure has the same fixed size, Width × Height (16 × 10 cm; a PNG
// of 945 × 591 pixels at DPI), a title, axis labels as the caller gives
// them (with their units), a legend when there is more than one series,
// and colours from the Okabe–Ito palette, which readers with any common
// colour-vision deficiency can tell apart; series are also told apart by
// marker shape and dash pattern. Render gives the same bytes for the same
// figure, and the SVG keeps its text as <text> elements.
package chart
