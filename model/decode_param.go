package model

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// distFields lists the distribution forms and their argument names.
var distFields = map[string][]string{
	"uniform":     {"lo", "hi"},
	"triangular":  {"lo", "mode", "hi"},
	"pert":        {"lo", "mode", "hi"},
	"truncnormal": {"mean", "sd", "lo", "hi"},
}

const paramForms = "a number, {uniform: [lo, hi]}, {triangular: [lo, mode, hi]}, {pert: [lo, mode, hi]} or {truncnormal: [mean, sd, lo, hi]}"

// param decodes a number or a distribution whose whole support lies in
// valid. A missing node gives def.
func (d *decoder) param(n *yaml.Node, path string, valid span, def Param) Param {
	n = deref(n)
	if n == nil {
		def.key = streamKey(path)
		return def
	}
	p, ok := d.parseParam(n, path)
	if !ok {
		return def
	}
	p.key = streamKey(path)
	if !valid.contains(p.Lo) || !valid.contains(p.Hi) {
		if p.Dist == Fixed {
			d.errorf(n, path, "%s is out of range; want a number in %s", fmtNum(p.Value), valid)
		} else {
			d.errorf(n, path, "support [%s, %s] is out of range; want a distribution within %s", fmtNum(p.Lo), fmtNum(p.Hi), valid)
		}
	}
	return p
}

func (d *decoder) parseParam(n *yaml.Node, path string) (Param, bool) {
	if n.Kind == yaml.ScalarNode {
		x, ok := d.number(n, path)
		return FixedParam(x), ok
	}
	if n.Kind != yaml.MappingNode || len(n.Content) != 2 {
		d.errorf(n, path, "%s; want %s", describe(n), paramForms)
		return Param{}, false
	}
	kn, vn := deref(n.Content[0]), deref(n.Content[1])
	names, known := distFields[kn.Value]
	if !known {
		d.errorf(kn, path, "unknown distribution %s; want %s", describe(kn), paramForms)
		return Param{}, false
	}
	dpath := join(path, kn.Value)
	if vn.Kind != yaml.SequenceNode || len(vn.Content) != len(names) {
		d.errorf(vn, dpath, "%s; want a list of %d numbers [%s]", describe(vn), len(names), strings.Join(names, ", "))
		return Param{}, false
	}
	args := make([]float64, len(names))
	for i, c := range vn.Content {
		x, ok := d.number(c, fmt.Sprintf("%s[%d]", dpath, i))
		if !ok {
			return Param{}, false
		}
		args[i] = x
	}
	var p Param
	bad := ""
	switch kn.Value {
	case "uniform":
		p = Param{Dist: Uniform, Lo: args[0], Hi: args[1]}
		if p.Lo > p.Hi {
			bad = "lo > hi; want lo ≤ hi"
		}
	case "triangular", "pert":
		p = Param{Dist: Triangular, Lo: args[0], Mode: args[1], Hi: args[2]}
		if kn.Value == "pert" {
			p.Dist = PERT
		}
		if !(p.Lo <= p.Mode && p.Mode <= p.Hi && p.Lo < p.Hi) {
			bad = "want lo ≤ mode ≤ hi and lo < hi"
		}
	default:
		p = Param{Dist: TruncNormal, Mean: args[0], SD: args[1], Lo: args[2], Hi: args[3]}
		if !(p.SD > 0 && p.Lo < p.Hi && p.Lo <= p.Mean && p.Mean <= p.Hi) {
			bad = "want sd > 0, lo < hi and lo ≤ mean ≤ hi"
		}
	}
	if bad != "" {
		d.errorf(vn, dpath, "%s: %s", p, bad)
		return Param{}, false
	}
	return p, true
}

// streamKey derives a Param's stream key from its field path (FNV-1a).
func streamKey(path string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(path); i++ {
		h ^= uint64(path[i])
		h *= 1099511628211
	}
	return h
}
