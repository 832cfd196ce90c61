package model

import (
	"math/rand/v2"
	"reflect"
)

// Central fills w with the scenario's central world: every Param at its
// central value (Param.Central: the fixed value, the mode, the middle of a
// uniform, the mean of a truncated normal), weights renormalized to sum to
// 1 as Sample does. It is the world analyses without randomness use, such
// as the bargaining analytics. Like Sample, it reuses w's storage.
func (s *Scenario) Central(w *World) {
	c := *s
	fixParams(reflect.ValueOf(&c).Elem())
	c.Sample(w, rand.New(rand.NewPCG(0, 0))) // every Param is fixed: the stream is not used
	w.Scenario = s
}

var paramType = reflect.TypeFor[Param]()

// fixParams replaces every Param reachable from v, which must be settable,
// with a fixed Param at its central value. It copies the slices and
// pointers it passes through first, so the original scenario is untouched.
func fixParams(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == paramType {
			v.Set(reflect.ValueOf(FixedParam(v.Interface().(Param).Central())))
			return
		}
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				fixParams(f)
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			return
		}
		cp := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(cp, v)
		v.Set(cp)
		for i := range v.Len() {
			fixParams(v.Index(i))
		}
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		cp := reflect.New(v.Type().Elem())
		cp.Elem().Set(v.Elem())
		v.Set(cp)
		fixParams(cp.Elem())
	}
}
