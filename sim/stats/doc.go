// Package stats holds the streaming estimators that Parley's engine fills
// while it runs episodes: Proportion for yes/no outcomes, Moments for the
// mean and spread of a number, Histogram for its quantiles, Sample for both,
// and Paired and PairedProportion for comparisons under common random
// numbers. Every estimate comes with its interval and its count.
//
// # Streaming and merging
//
// Each accumulator takes one observation at a time with Add, which never
// allocates, and holds a fixed amount of memory however many observations
// it has seen: a few numbers, plus the bin counts of a Histogram, which are
// allocated once by its constructor. Accumulators of the same kind merge
// with Merge, so the engine can fill one per block of episodes in parallel
// and combine the blocks afterwards.
//
// Merging counts (Proportion, PairedProportion, the bins of a Histogram) is
// exact integer addition, so its result does not depend on the order of
// merging. Merging floating-point state (Moments, and so Sample and Paired)
// uses the parallel formula of Chan, Golub & LeVeque (1979), which is exact
// in real arithmetic but not in floating point: a different merge order can
// change the last bits of a mean or SD. The result is deterministic for a
// given order, so callers that want bit-identical output for any number of
// workers must add within each block in episode order and merge the blocks
// in a fixed order.
//
// # Empty accumulators
//
// The zero values of Proportion, Moments, Paired and PairedProportion are
// empty and ready to use; a Histogram or Sample must be made by its
// constructor. Point estimates of an empty accumulator are 0, not NaN, so
// that they print and marshal; callers tell "no data" by the count. An
// interval or test that needs more data than there is reports that
// explicitly, as each method documents. The Summary, Estimate and
// Difference values are meant for encoding/json and never hold NaN for
// finite inputs.
//
// None of the types is safe for concurrent use: each worker owns its
// accumulators, and merging happens after the workers are done.
//
// # References
//
// Wilson, E. B. (1927). Probable inference, the law of succession, and
// statistical inference. Journal of the American Statistical Association
// 22(158), 209–212.
//
// Welford, B. P. (1962). Note on a method for calculating corrected sums of
// squares and products. Technometrics 4(3), 419–420.
//
// Chan, T. F., Golub, G. H. & LeVeque, R. J. (1979). Updating formulae and a
// pairwise algorithm for computing sample variances. Technical Report
// STAN-CS-79-773, Stanford University.
//
// Newcombe, R. G. (1998). Two-sided confidence intervals for the single
// proportion: comparison of seven methods. Statistics in Medicine 17(8),
// 857–872.
package stats
