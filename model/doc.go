// Package model holds Parley's domain: scenarios, the actors and issues in
// them, their utilities and uncertain parameters, and the concrete worlds
// that the engine samples from a scenario for each episode.
//
// A Scenario is loaded from YAML with Load, which resolves variants
// (extends, overrides, scale), decodes strictly and validates; every
// problem is reported as an Error naming the file, line, column and
// dotted field path. Sample draws a World from a Scenario reproducibly.
//
// The package never prints and never reads files: callers hand it bytes
// and a Resolver for the scenarios a variant extends.
package model
