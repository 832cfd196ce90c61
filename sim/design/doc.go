// Package design holds the mathematics of computer experiments that
// parley's sweeps and scenario discovery run on the engine: sampling
// designs that say which input points to play, and the analyses that read
// the outputs played at them.
//
// The designs are Grid (a full-factorial design of given levels),
// LatinHypercube (n points, one in each of n equal strata of every input)
// and Saltelli (the A, B and AB_i matrices from which Sobol sensitivity
// indices are estimated). The analyses are Saltelli.Indices (first-order and
// total Sobol indices with bootstrap intervals) and PRIM (the patient rule
// induction method, which finds a box of inputs where a condition on the
// output is likely).
//
// A design is a slice of points; a point is a slice with one coordinate per
// input, in the order the inputs were given. Inputs are continuous ranges
// (Range); evenly spaced levels for Grid are gonum's floats.Span.
//
// The result types (Index, Box, PRIMResult, Range) carry JSON tags with
// lower-case snake_case keys, as sim/stats's estimates do, for callers that
// encode them.
//
// Every random choice draws from a generator seeded by the caller's seed
// (math/rand/v2's PCG), so a design and its intervals are the same, bit for
// bit, on every run. The package never prints and depends on nothing else
// in parley. Functions that take user-supplied values return errors for bad
// ones; a panic means a programming error, as each function documents.
//
// # References
//
// Antonov, I. A. & Saleev, V. M. (1979). An economic method of computing
// LPτ-sequences. USSR Computational Mathematics and Mathematical Physics
// 19(1), 252–256.
//
// Bratley, P. & Fox, B. L. (1988). Algorithm 659: Implementing Sobol's
// quasirandom sequence generator. ACM Transactions on Mathematical
// Software 14(1), 88–100.
//
// Friedman, J. H. & Fisher, N. I. (1999). Bump hunting in high-dimensional
// data. Statistics and Computing 9(2), 123–143.
//
// Jansen, M. J. W. (1999). Analysis of variance designs for model output.
// Computer Physics Communications 117(1–2), 35–43.
//
// Joe, S. & Kuo, F. Y. (2008). Constructing Sobol sequences with better
// two-dimensional projections. SIAM Journal on Scientific Computing 30(5),
// 2635–2654 (direction numbers new-joe-kuo-6.21201).
//
// Kwakkel, J. H. & Jaxa-Rozen, M. (2016). Improving scenario discovery for
// handling heterogeneous uncertainties and multinomial classified outcomes.
// Environmental Modelling & Software 79, 311–321 (the EMA Workbench's PRIM).
//
// McKay, M. D., Beckman, R. J. & Conover, W. J. (1979). A comparison of
// three methods for selecting values of input variables in the analysis of
// output from a computer code. Technometrics 21(2), 239–245.
//
// Saltelli, A. (2002). Making best use of model evaluations to compute
// sensitivity indices. Computer Physics Communications 145(2), 280–297.
//
// Saltelli, A., Annoni, P., Azzini, I., Campolongo, F., Ratto, M. &
// Tarantola, S. (2010). Variance based sensitivity analysis of model output.
// Design and estimator for the total sensitivity index. Computer Physics
// Communications 181(2), 259–270.
//
// Sobol', I. M. (1967). On the distribution of points in a cube and the
// approximate evaluation of integrals. USSR Computational Mathematics and
// Mathematical Physics 7(4), 86–112.
package design
