package sim

import (
	"encoding/binary"
	"math/rand/v2"
)

// Event tags: each kind of random event draws from its own stream.
const (
	tagBelief uint64 = iota + 1
	tagShock
	tagShockReneging
	tagVoid
	tagBridge
	tagReneging
	tagDetection
	tagRenewal
	tagEscalation
	tagCeasefire
)

// seedEpisode reseeds src with the stream of episode i under seed: a
// ChaCha8 key made of both, so every episode's numbers depend on
// (seed, i) alone, whichever worker plays it.
func seedEpisode(src *rand.ChaCha8, seed uint64, i int) {
	var key [32]byte
	binary.LittleEndian.PutUint64(key[0:], seed)
	binary.LittleEndian.PutUint64(key[8:], uint64(i))
	src.Seed(key)
}

// events gives every random event of an episode its own uniform number,
// a hash of the episode's key, the event's kind, its round and its
// index. An event therefore draws the same number whatever happened
// before it, so two strategy profiles or scenarios played on the same
// episode meet the same shocks (common random numbers).
type events struct {
	kind [tagCeasefire + 1]uint64 // per kind (tag): the first step of the hash, mix(key + tag)
}

// newEvents returns the events of the episode whose key is given.
func newEvents(key uint64) events {
	var ev events
	for tag := range ev.kind {
		ev.kind[tag] = mix(key + uint64(tag))
	}
	return ev
}

// eventDraws counts the events' uniforms while it is not nil: a hook for
// BenchmarkEpisode's draws/op alone, which sets it while no other episode
// plays.
var eventDraws *int

// uniform returns the uniform number in (0, 1) of event (tag, t, j):
// unit(mix(mix(mix(key + tag) + t) + j)).
func (ev *events) uniform(tag uint64, t, j int) float64 {
	return ev.at(ev.round(tag, t), j)
}

// round returns the hash of round t's events of kind tag, which their
// uniforms share: mix(mix(key + tag) + t).
func (ev *events) round(tag uint64, t int) uint64 { return mix(ev.kind[tag] + uint64(t)) }

// at returns the uniform number of event j of the round whose hash is
// given (see round): uniform(tag, t, j) is at(round(tag, t), j).
func (ev *events) at(round uint64, j int) float64 {
	if eventDraws != nil {
		*eventDraws++
	}
	return unit(mix(round + uint64(j)))
}

// unit maps a hash to a uniform number in (0, 1): its top 53 bits, at the
// middle of their interval. The bits are converted as an int64, exactly
// as a uint64 (they are below 2^53), in one instruction rather than
// uint64's two branches.
func unit(z uint64) float64 { return (float64(int64(z>>11)) + 0.5) / (1 << 53) }

// mix is the SplitMix64 step: a bijection that spreads every input bit
// over every output bit.
func mix(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// happens reports whether event (tag, t, j) of probability p occurs.
func (ev *events) happens(tag uint64, t, j int, p float64) bool {
	return ev.uniform(tag, t, j) < p
}
