// Package analytics computes the classic bargaining analytics of a
// scenario's two principals over its package space: the disagreement point,
// each side's ideal, the zone of possible agreement (ZOPA), the Pareto
// frontier, the Nash bargaining, Kalai–Smorodinsky and utilitarian
// solutions, the Rubinstein share of one-issue scenarios and the logrolling
// opportunities between issues.
//
// It works on one World, usually the scenario's central world
// (model.Scenario.Central), with reservation values as of round 1.
//
// # Feasible set
//
// A package x gives one level per issue. It is feasible when every level is
// inside its issue's range and on the acceptable side of both principals'
// red lines: a red line below the actor's ideal level rules out lower
// levels, one at or above it rules out higher levels. The red lines are
// jointly compatible when every issue keeps a non-empty range.
//
// # Method
//
// Utilities are additive across issues, u_i(x) = Σ_k u_ik(x_k), and each
// u_ik is piecewise linear in the level, with breakpoints at the
// single-peaked value functions' low, ideal and high levels. Between two
// adjacent candidate levels of an issue (its feasible bounds and both
// sides' breakpoints) both utilities are therefore linear. For each issue
// the candidate levels give points in the utility plane; their upper-right
// convex hull, from the level best for the second principal to the level
// best for the first, is the trade-off chain, whose edges have
// decreasing ratios of the first principal's gain to the second's loss.
// The frontier of the whole package space is traced exactly by the
// fractional-knapsack walk that starts from every issue at the second
// principal's best level and takes the issues' edges in order of
// decreasing ratio (equivalently, the weighted-sum sweep of
// max θ·u_1 + (1 − θ)·u_2 over θ in [0, 1]).
//
// The walk is exact when every hull edge can be realized by moving the
// level across adjacent candidates along the edge, which holds whenever the
// value functions bend only at their ideal (every shipped scenario). When a
// single-peaked value function's low or high lies inside the contested
// range, an issue's efficient levels may not form such a chain; the package
// then enumerates which segment between adjacent candidates each such issue
// sits in (an optimal package has at most one issue strictly inside a
// segment, the others at candidate levels), walks each combination and
// keeps the parts of the resulting frontiers that no other part dominates.
// Analyze refuses more than MaxCombinations combinations.
//
// # Solutions
//
// With d the disagreement point (reservation values) and the frontier
// clipped to the ZOPA, u ≥ d:
//
//   - Nash (1950): argmax (u_1 − d_1)(u_2 − d_2), in closed form on each
//     frontier segment (a product of two linear functions).
//   - Kalai–Smorodinsky (1975): the ZOPA frontier point whose relative
//     gains (u_i − d_i)/(a_i − d_i) are equal, a_i being the most principal i
//     can get in the ZOPA; found as the max-min of the relative gains, which
//     is the same point when the frontier is connected.
//   - Utilitarian: argmax u_1 + u_2 in the ZOPA, ties broken by the Nash
//     product.
//   - Rubinstein (1982), one-issue scenarios only: the first proposer's share
//     (1 − δ_r)/(1 − δ_p·δ_r) of the pie, placed on the ZOPA frontier where
//     the proposer has that share of its possible gain.
//
// Utilities are compared with the tolerance Tol: a ZOPA exists when some
// package gives both principals at least their reservation value minus Tol.
//
// # Logrolling
//
// For each issue, each principal's marginal value is the average slope of
// its utility over the contested range, between the two principals' best
// feasible levels, per whole range of the issue (for a linear value function
// without audience cost, its weight). Their ratio says who values the issue
// more; a trade that lets each side have its way on the issue it values
// more than the other does creates joint value (Raiffa 1982).
package analytics
