// Package equilibrium computes the Nash equilibria of two-player games in
// normal form (bimatrix games), exactly, and the teaching companions of an
// equilibrium analysis: dominated strategies, best responses and
// two-population replicator dynamics.
//
// A game is a pair of m×n payoff matrices (a, b): a[i][j] and b[i][j] are the
// payoffs to player 1 and player 2 when player 1 plays row i and player 2
// plays column j.
//
// # Method
//
// Solve enumerates the vertices of the two best-response polytopes
// (Mangasarian 1964; von Stengel 2002, section 3), as Gambit's enummixed and
// lrsnash do. After each player's payoffs are shifted to be positive (a
// shift, like a positive scaling, changes no equilibrium),
//
//	P = {x ∈ ℝᵐ : x ≥ 0, Bᵀx ≤ 1}    Q = {y ∈ ℝⁿ : Ay ≤ 1, y ≥ 0}.
//
// A point carries label i (a row) if x_i = 0 or (Ay)_i = 1, and label m+j (a
// column) if (Bᵀx)_j = 1 or y_j = 0. A pair of vertices (x, y) ≠ (0, 0) that
// together carry all m+n labels is, normalised to x/Σx and y/Σy, an extreme
// Nash equilibrium, and every extreme equilibrium arises so. In a
// nondegenerate game these are all the equilibria. In a degenerate game the
// equilibria form finitely many maximal Nash subsets, each the product of
// the convex hulls of some player-1 and player-2 vertices: the maximal
// bicliques of the graph whose edges are the extreme equilibria (Winkels
// 1979; Avis, Rosenberg, Savani and von Stengel 2010). Solve reports both.
// Support enumeration would be simpler but misses extreme equilibria of
// degenerate games.
//
// # Exact arithmetic
//
// Every result is a math/big.Rat, every vertex is exact and every
// decision of the enumeration (is a system singular, is its solution
// feasible, which constraints are tight) is exact, so the equilibria are
// exact fractions: probabilities sum to 1 exactly and "is a best
// response" is an exact comparison. Floating point linear algebra
// (gonum's LU, say) is faster but needs tolerances that no single choice
// gets right: on von Stengel's 6×6 game with 75 equilibria and payoffs
// near 1.8e6, float vertex enumeration reports hundreds of false
// vertices, and whether a nearly tight constraint is tight decides which
// equilibria exist in a degenerate game. Float payoffs (as in Parley's
// strategy meta-games) convert exactly with Rats.
//
// Most of the enumeration's systems are infeasible, and a floating-point
// filter settles those without exact arithmetic, as the filtered
// predicates of computational geometry do (Shewchuk 1997; CGAL's filtered
// kernels): each system is solved in float64 and the solution verified
// with a rigorous bound on its error (Rump 2010), so a sign is decided
// only where the bound proves it. A system proved infeasible is skipped.
// One proved feasible is a vertex, found exactly: in machine integers
// when continued fractions of the float solution give a candidate that
// satisfies the system exactly (as in games of integer payoffs of a few
// digits), by fraction-free elimination in math/big otherwise. Any other
// system (singular, ill-conditioned, a coordinate or constraint too close
// to its bound to tell) is solved and checked exactly as if there were no
// filter. The result is the same as without the filter, decided in exact
// arithmetic alone.
//
// # Cost
//
// Vertex enumeration solves C(m+n, m) small systems per polytope, about
// five times as many for each strategy added to both players. Measured on
// one core of a loaded 2-core machine (CPU time): a 5×5 game with float
// payoffs takes about 0.4 ms (BenchmarkSolve), von Stengel's 6×6 about
// 0.7 ms (BenchmarkSolveVonStengel), random 8×8 games about 10 ms, 10×10
// games a few tenths of a second. The filter needs payoffs that, over a
// common denominator, fit in 512 bits (about 150 digits); games of longer
// numbers are solved in exact arithmetic alone, 8 to 25 times slower
// (a 10×10 game: 2 to 5 seconds with 2-digit payoffs). Solve refuses
// larger games, those needing more than C(20, 10) systems per polytope
// (so 10×10 is the largest square one), payoffs whose exact fractions
// over a common denominator need more than 4,096 bits, and games whose
// estimated time, from their size and their payoffs' digits, is over a
// minute (a 10×10 game of 1,200-digit payoffs ran for more than 900 s),
// rather than run for hours. The estimate is that of exact arithmetic
// alone, so it overestimates the filtered games.
//
// # References
//
// O. L. Mangasarian, Equilibrium points of bimatrix games, J. SIAM 12 (1964).
// B. von Stengel, Computing equilibria for two-person games, Handbook of Game
// Theory vol. 3, ch. 45 (2002).
// J. R. Shewchuk, Adaptive precision floating-point arithmetic and fast
// robust geometric predicates, Discrete Comput. Geom. 18 (1997).
// S. M. Rump, Verification methods: rigorous results using floating-point
// arithmetic, Acta Numerica 19 (2010).
// D. Avis, G. D. Rosenberg, R. Savani, B. von Stengel, Enumeration of Nash
// equilibria for two-player games, Economic Theory 42 (2010).
// J. W. Weibull, Evolutionary Game Theory, MIT Press (1995), ch. 3 and 5.
package equilibrium
